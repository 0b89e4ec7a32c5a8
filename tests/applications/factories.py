from __future__ import annotations

from datetime import date

from gongkai.applications.services import Applicant, register_application
from gongkai.domain.outcomes import ApplicantType, Channel


def make_application(
    agency,
    *,
    received: date = date(2024, 9, 20),
    actor=None,
    name: str = "张三",
    applicant_type: ApplicantType = ApplicantType.NATURAL_PERSON,
    email: str = "",
    id_number: str = "11010519491231002X",
    channel: Channel = Channel.ONLINE,
    ref: str | None = None,
):
    return register_application(
        agency,
        applicant=Applicant(
            applicant_type=applicant_type,
            name=name,
            id_type="resident_id",
            id_number=id_number,
            phone="13800138000",
            email=email,
            address="某市某路1号",
        ),
        content="2023年度安全生产执法检查计划",
        channel=channel,
        received_on=received,
        delivery_form="electronic",
        actor=actor,
        ref=ref,
    )
