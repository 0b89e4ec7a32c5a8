"""One factory per model, valid by default, minimal."""

from __future__ import annotations

import factory
from django.contrib.auth import get_user_model

from gongkai.agencies.models import Agency, Membership


class UserFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = get_user_model()
        django_get_or_create = ("username",)

    username = factory.Sequence(lambda n: f"user{n}")
    password = factory.django.Password("pw-for-tests-123")


class AgencyFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Agency
        django_get_or_create = ("slug",)

    slug = factory.Sequence(lambda n: f"agency-{n}")
    name = factory.Sequence(lambda n: f"第{n}机关")
    code = factory.Sequence(lambda n: f"1100{n:04d}")


class MembershipFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Membership

    user = factory.SubFactory(UserFactory)
    agency = factory.SubFactory(AgencyFactory)
    role = "clerk"


def staff(agency: Agency, *roles: str, username: str | None = None):
    user = UserFactory(username=username) if username else UserFactory()
    for role in roles:
        MembershipFactory(user=user, agency=agency, role=role)
    return user
