"""Cases with a known place in a year's table, built through the real services."""

from __future__ import annotations

from datetime import date

from gongkai.applications import services
from gongkai.domain.cases import EventKind, GiveUpReason
from gongkai.domain.fees import FeeMethod
from gongkai.domain.outcomes import ApplicantType, Channel, ReplyType
from tests.applications.factories import make_application


def make_case(
    agency,
    *,
    received: date,
    concluded: date | None = None,
    reply: ReplyType = ReplyType.GRANTED,
    who: ApplicantType = ApplicantType.NATURAL_PERSON,
    channel: Channel = Channel.ONLINE,
    extended: bool = False,
    actor=None,
):
    """A request received on ``received`` and, when ``concluded`` is given, concluded that day with
    ``reply`` (call under time_machine.travel to a day after both)."""
    application = make_application(
        agency, received=received, applicant_type=who, channel=channel, actor=actor
    )
    if extended:
        services.add_event(
            application, kind=EventKind.EXTENSION_REQUESTED, on=received, extension_days=5, actor=actor
        )
        services.add_event(application, kind=EventKind.EXTENSION_APPROVED, on=received, actor=actor)
    if concluded is not None:
        _conclude(application, concluded, reply, actor)
    application.refresh_from_db()
    return application


def _conclude(application, on: date, reply: ReplyType, actor) -> None:
    if reply == ReplyType.OTHER_NO_CORRECTION:
        services.request_correction(application, on=application.received_on, what="请写明文号", actor=actor)
        services.give_up(application, on=on, reason=GiveUpReason.NO_CORRECTION, actor=actor)
    elif reply == ReplyType.OTHER_NO_FEE_PAYMENT:
        services.issue_fee_notice(
            application, on=application.received_on, method=FeeMethod.BY_VOLUME, pages=120, actor=actor
        )
        services.give_up(application, on=on, reason=GiveUpReason.NO_FEE_PAYMENT, actor=actor)
    elif reply == ReplyType.OTHER_OTHER:
        services.withdraw(application, on=on, actor=actor)
    else:
        services.send_reply(
            application,
            reply_type=reply,
            service_method="posted",
            served_on=on,
            withheld="第三方信息",
            reasons="第十五条",
            actor=actor,
        )
