"""Pages of 依申请公开: ``public`` for applicants, ``backoffice`` for the agency's staff."""
