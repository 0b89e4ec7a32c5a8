"""Who does what in the catalogue's workflow (the pages and the API check the same roles)."""

from __future__ import annotations

from gongkai.agencies.models import Role

EDITORS = (Role.CLERK, Role.OFFICE_HEAD, Role.ADMIN)  # write drafts, corrections, channels, validity
REVIEWERS = (Role.REVIEWER,)  # 保密审查
LEADERS = (Role.LEADER,)  # 审批, 撤回
SETTINGS_ROLES = (Role.OFFICE_HEAD, Role.ADMIN)  # categories, 索引号 format, 公开指南
