"""Pages of the annual report: public (published reports only), back office (the agency's
staff), roll-up (the supervising government). Each starts from gongkai.agencies.access."""
