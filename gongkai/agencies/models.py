from __future__ import annotations

from django.conf import settings
from django.core.validators import RegexValidator
from django.db import models
from django.utils.translation import gettext_lazy as _


class Level(models.TextChoices):
    NATIONAL = "national", _("国家级")
    PROVINCE = "province", _("省级")
    CITY = "city", _("市级")
    COUNTY = "county", _("县级")
    TOWNSHIP = "township", _("乡镇级")


class Role(models.TextChoices):
    CLERK = "clerk", _("承办人")
    OFFICE_HEAD = "office_head", _("公开工作机构负责人")
    REVIEWER = "reviewer", _("保密审查员")
    LEADER = "leader", _("审批领导")
    SUPERVISOR = "supervisor", _("上级监督")
    ADMIN = "admin", _("管理员")


# Roles that work cases of their own agency and so may see applicants' personal data.
CASEWORK_ROLES = frozenset({Role.CLERK, Role.OFFICE_HEAD, Role.REVIEWER, Role.LEADER, Role.ADMIN})

slug_validator = RegexValidator(r"^[a-z0-9][a-z0-9-]{0,62}$", _("只能使用小写字母、数字和连字符"))


class Agency(models.Model):
    """A government or one of its departments; parent: department → government → the level above."""

    slug = models.SlugField(_("标识"), max_length=63, unique=True, validators=[slug_validator])
    name = models.CharField(_("名称"), max_length=120)
    parent = models.ForeignKey(
        "self",
        verbose_name=_("上级"),
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="children",
    )
    level = models.CharField(_("层级"), max_length=12, choices=Level.choices, default=Level.COUNTY)
    is_government = models.BooleanField(
        _("人民政府"), default=False, help_text=_("人民政府本级：年报于3月31日前公布；部门为1月31日")
    )
    code = models.CharField(_("机构代码"), max_length=40, blank=True, help_text=_("用于索引号"))
    address = models.CharField(_("办公地址"), max_length=200, blank=True)
    office_hours = models.CharField(_("办公时间"), max_length=200, blank=True)
    phone = models.CharField(_("联系电话"), max_length=40, blank=True)
    email = models.EmailField(_("电子邮箱"), blank=True)
    created_at = models.DateTimeField(_("创建时间"), auto_now_add=True)

    class Meta:
        verbose_name = _("机关")
        verbose_name_plural = _("机关")
        ordering = ["name"]

    def __str__(self) -> str:
        return self.name


class Membership(models.Model):
    """A user's role in one agency; a user may hold several roles and several agencies."""

    user = models.ForeignKey(
        settings.AUTH_USER_MODEL, verbose_name=_("用户"), on_delete=models.CASCADE, related_name="memberships"
    )
    agency = models.ForeignKey(
        Agency, verbose_name=_("机关"), on_delete=models.CASCADE, related_name="memberships"
    )
    role = models.CharField(_("角色"), max_length=20, choices=Role.choices)
    created_at = models.DateTimeField(_("创建时间"), auto_now_add=True)

    class Meta:
        verbose_name = _("人员角色")
        verbose_name_plural = _("人员角色")
        constraints = [models.UniqueConstraint(fields=["user", "agency", "role"], name="unique_membership")]

    def __str__(self) -> str:
        return f"{self.user} · {self.agency} · {self.get_role_display()}"
