from __future__ import annotations

from django.contrib.auth import get_user_model
from django.core.exceptions import ValidationError
from django.core.management.base import BaseCommand, CommandError, CommandParser

from gongkai.agencies.models import Agency, Level, Role
from gongkai.agencies.services import create_agency, grant_role


class Command(BaseCommand):
    help = "管理机关：add 新增机关，list 列出机关，grant 授予人员角色"

    def add_arguments(self, parser: CommandParser) -> None:
        sub = parser.add_subparsers(dest="action", required=True, parser_class=CommandParser)
        add = sub.add_parser("add", help="新增机关")
        add.add_argument("slug")
        add.add_argument("name")
        add.add_argument("--parent", help="上级机关的标识")
        add.add_argument("--level", choices=Level.values, default=Level.COUNTY)
        add.add_argument("--government", action="store_true", help="人民政府本级")
        add.add_argument("--code", default="", help="机构代码（索引号用）")
        sub.add_parser("list", help="列出机关")
        grant = sub.add_parser("grant", help="授予人员角色")
        grant.add_argument("username")
        grant.add_argument("slug")
        grant.add_argument("role", choices=Role.values)

    def handle(self, *args: object, **options: object) -> None:
        getattr(self, f"handle_{options['action']}")(**options)

    def handle_add(
        self,
        *,
        slug: str,
        name: str,
        parent: str | None,
        level: str,
        government: bool,
        code: str,
        **_: object,
    ) -> None:
        parent_agency = None
        if parent:
            parent_agency = Agency.objects.filter(slug=parent).first()
            if parent_agency is None:
                raise CommandError(f"上级机关“{parent}”不存在", returncode=2)
        try:
            agency = create_agency(
                slug=slug,
                name=name,
                parent=parent_agency,
                level=level,
                is_government=government,
                code=code,
                actor=None,
            )
        except ValidationError as error:
            problems = "；".join(f"{field}: {' '.join(msgs)}" for field, msgs in error.message_dict.items())
            raise CommandError(f"无法新增机关“{slug}”：{problems}", returncode=2) from error
        self.stdout.write(f"已新增机关 {agency.slug}（{agency.name}）")

    def handle_list(self, **_: object) -> None:
        for agency in Agency.objects.select_related("parent").order_by("slug"):
            parent = f" ← {agency.parent.slug}" if agency.parent else ""
            self.stdout.write(f"{agency.slug}\t{agency.name}{parent}")

    def handle_grant(self, *, username: str, slug: str, role: str, **_: object) -> None:
        user = get_user_model().objects.filter(username=username).first()
        agency = Agency.objects.filter(slug=slug).first()
        if user is None:
            raise CommandError(f"用户“{username}”不存在", returncode=2)
        if agency is None:
            raise CommandError(f"机关“{slug}”不存在", returncode=2)
        grant_role(user, agency=agency, role=Role(role), actor=None)
        self.stdout.write(f"已授予 {username} 在 {agency.name} 的角色：{Role(role).label}")
