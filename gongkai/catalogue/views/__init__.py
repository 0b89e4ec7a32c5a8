"""Views of the catalogue: public.py (anyone, published entries only) and staff.py (back office)."""
