"""JSON API of disclosure requests (mounted at /api/applications/; OpenAPI at /api/docs).

Public (``public``): ``POST submit`` and ``GET status/{code}``, never personal data. Staff
(``staff``): the inbox, intake, the case and one endpoint per action, each calling the same service
as the back office, authenticated by a signed bearer token or the session with CSRF (``auth``).
Failures use the API's one error shape ``{"message", "code", "where"}``.
"""

from __future__ import annotations

from ninja import Router

from gongkai.applications.api.public import router as public_router
from gongkai.applications.api.staff import router as staff_router

router = Router(tags=["applications"])
router.add_router("", public_router)
router.add_router("", staff_router)
