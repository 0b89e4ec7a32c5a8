import io
from datetime import date

import pytest
import time_machine
from docx import Document

from gongkai.applications import services
from gongkai.applications.letters.defaults import NATIONAL_VERSION
from gongkai.applications.letters.render import check_template_text, render_letter
from gongkai.applications.letters.services import generate_letter
from gongkai.applications.models import LetterKind, LetterTemplate
from gongkai.audit.models import AuditEvent
from gongkai.domain.cases import GiveUpReason
from gongkai.domain.errors import InvalidInput, TransitionNotAllowed
from gongkai.domain.fees import FeeMethod
from gongkai.domain.outcomes import ReplyType
from tests import factories
from tests.applications.factories import make_application

pytestmark = pytest.mark.django_db


@pytest.fixture(autouse=True)
def _end_of_2025():
    with time_machine.travel(date(2025, 12, 31)):
        yield


@pytest.fixture
def case(agency, clerk):
    agency.parent = factories.AgencyFactory(slug="city", name="某市人民政府", is_government=True)
    agency.save(update_fields=["parent"])
    return make_application(agency, received=date(2025, 3, 3), actor=clerk, name="李四")


def text_of(content: bytes) -> str:
    return "\n".join(p.text for p in Document(io.BytesIO(content)).paragraphs)


def letter_text(application, kind, **kwargs) -> str:
    content, _, _ = render_letter(application, kind, **kwargs)
    return text_of(content)


def test_the_acknowledgement_states_the_ref_agency_and_deadline(case):
    content, version, title = render_letter(case, LetterKind.ACKNOWLEDGEMENT)
    document = Document(io.BytesIO(content))
    lines = [p.text for p in document.paragraphs]
    assert (title, version) == ("政府信息公开申请受理回执", NATIONAL_VERSION)
    assert lines[0] == title and document.paragraphs[0].alignment == 1  # centred
    assert lines[1] == f"依申公开〔{case.ref}〕号" and lines[2] == "李四："
    text = "\n".join(lines)
    assert "本机关于2025年3月3日收到您（单位）通过网络方式提出的政府信息公开申请" in text
    assert case.query_code in text and "20个工作日内" in text and "答复期限至2025年3月31日" in text
    assert lines[-2:] == ["某市应急管理局", "2025年3月3日"]
    assert document.paragraphs[-1].alignment == 2  # right


def test_the_correction_notice_says_what_to_correct_citing_article_30(case, clerk):
    with pytest.raises(TransitionNotAllowed, match="没有告知补正"):
        render_letter(case, LetterKind.CORRECTION)
    services.request_correction(case, on=date(2025, 3, 5), what="请说明所需文件的年份和文号", actor=clerk)
    text = letter_text(case, LetterKind.CORRECTION)
    assert "第三十条" in text and "请说明所需文件的年份和文号" in text
    assert "视为放弃申请" in text and text.endswith("2025年3月5日")
    services.record_corrected_request(case, on=date(2025, 3, 10), actor=clerk)
    receipt = letter_text(case, LetterKind.ACKNOWLEDGEMENT)  # the receipt speaks of the first arrival
    assert "本机关于2025年3月3日收到" in receipt and "答复期限至2025年3月31日" in receipt


def test_the_consultation_letter_goes_to_the_third_party_without_the_applicants_name(case, clerk):
    services.start_consultation(case, on=date(2025, 3, 10), party="某化工有限公司", actor=clerk)
    text = letter_text(case, LetterKind.CONSULTATION)
    assert "某化工有限公司：" in text and "第三十二条" in text and "15个工作日内" in text
    assert "李四" not in text and case.ref in text


def test_the_fee_notice_states_basis_amount_and_the_20_working_days(case, clerk):
    services.issue_fee_notice(case, on=date(2025, 3, 6), method=FeeMethod.BY_VOLUME, pages=250, actor=clerk)
    text = letter_text(case, LetterKind.FEE_NOTICE, extra={"payment_method": "转账至某市财政局非税收入专户"})
    assert "国办函〔2020〕109号" in text and "人民币4700元" in text and "共250页" in text
    assert "20个工作日内缴纳" in text and "转账至某市财政局非税收入专户" in text


def test_the_extension_notice_names_the_days_and_the_new_date(case, clerk, office_head):
    services.request_extension(case, on=date(2025, 3, 20), days=20, reason="需调取历史档案", actor=clerk)
    with pytest.raises(TransitionNotAllowed):
        render_letter(case, LetterKind.EXTENSION)  # asked, not yet approved
    services.approve_extension(case, on=date(2025, 3, 21), actor=office_head)
    case.refresh_from_db()
    text = letter_text(case, LetterKind.EXTENSION)
    assert "因需调取历史档案" in text and "延长20个工作日" in text and "第三十三条" in text
    assert f"本机关将于{case.due_on.year}年{case.due_on.month}月{case.due_on.day}日前作出答复" in text
    # A receipt printed later still states the deadline in force on the day of receipt.
    assert "答复期限至2025年3月31日" in letter_text(case, LetterKind.ACKNOWLEDGEMENT)


def test_a_partial_reply_names_what_is_withheld_and_the_remedies(case, clerk):
    with pytest.raises(TransitionNotAllowed, match="尚未办结"):
        render_letter(case, LetterKind.REPLY)
    services.send_reply(
        case,
        reply_type=ReplyType.PARTIAL,
        service_method="posted",
        served_on=date(2025, 3, 28),
        withheld="企业员工的身份证号码",
        reasons="属于个人隐私，依照第十五条不予公开",
        actor=clerk,
    )
    content, version, title = render_letter(case, LetterKind.REPLY)
    text = text_of(content)
    assert title == "政府信息公开申请答复书" and version == NATIONAL_VERSION
    assert "第三十七条" in text and "对以下内容不予公开：企业员工的身份证号码" in text
    assert "不予公开的理由：属于个人隐私" in text
    assert (
        "收到本答复之日起60日内向某市人民政府申请行政复议" in text and "6个月内向人民法院提起行政诉讼" in text
    )
    assert text.endswith("某市应急管理局\n2025年3月28日")


EXPECTED_ARTICLE = {
    ReplyType.GRANTED: "第三十六条第（二）项",
    ReplyType.REFUSED_STATE_SECRET: "第十四条",
    ReplyType.REFUSED_LAW_PROHIBITED: "第十四条",
    ReplyType.REFUSED_THREE_SAFETIES: "第十四条",
    ReplyType.REFUSED_THIRD_PARTY: "第十五条",
    ReplyType.REFUSED_INTERNAL_AFFAIRS: "第十六条第一款",
    ReplyType.REFUSED_PROCESS_INFO: "第十六条第二款",
    ReplyType.REFUSED_ENFORCEMENT_FILE: "第十六条第二款",
    ReplyType.REFUSED_QUERY_MATTER: "行政查询事项",
    ReplyType.UNABLE_NOT_HELD: "第三十六条第（四）项",
    ReplyType.UNABLE_NEEDS_CREATION: "第三十八条",
    ReplyType.UNABLE_STILL_UNCLEAR: "第三十条",
    ReplyType.NOT_PROCESSED_PETITION: "第三十九条第一款",
    ReplyType.NOT_PROCESSED_DUPLICATE: "第三十六条第（六）项",
    ReplyType.NOT_PROCESSED_PUBLICATION: "第三十九条第二款",
    ReplyType.NOT_PROCESSED_EXCESSIVE: "第三十五条",
    ReplyType.NOT_PROCESSED_CONFIRMATION: "不作为政府信息公开申请处理",
    ReplyType.OTHER_OTHER: "作如下处理：已转交其他机关办理",
}


@pytest.mark.parametrize("reply_type", list(EXPECTED_ARTICLE), ids=str)
def test_every_reply_type_has_its_own_reply_with_the_remedies(case, clerk, reply_type):
    services.send_reply(
        case,
        reply_type=reply_type,
        service_method="signed",
        served_on=date(2025, 3, 25),
        reasons="已转交其他机关办理",
        actor=clerk,
    )
    text = letter_text(case, LetterKind.REPLY)
    assert EXPECTED_ARTICLE[reply_type] in text and case.ref in text and "某市应急管理局" in text
    assert "60日内" in text and "6个月内" in text


def test_given_up_and_withdrawn_cases_get_their_reply(agency, clerk):
    no_correction = make_application(agency, received=date(2025, 3, 3), actor=clerk)
    services.request_correction(no_correction, on=date(2025, 3, 4), what="请写明文号", actor=clerk)
    services.give_up(no_correction, on=date(2025, 4, 30), reason=GiveUpReason.NO_CORRECTION, actor=clerk)
    assert "已于2025年3月4日告知您作出补正" in letter_text(no_correction, LetterKind.REPLY)
    unpaid = make_application(agency, received=date(2025, 3, 3), actor=clerk)
    services.issue_fee_notice(unpaid, on=date(2025, 3, 5), method=FeeMethod.BY_VOLUME, pages=90, actor=clerk)
    services.give_up(unpaid, on=date(2025, 4, 30), reason=GiveUpReason.NO_FEE_PAYMENT, actor=clerk)
    assert "逾期未按收费通知要求缴纳费用" in letter_text(unpaid, LetterKind.REPLY)
    withdrawn = make_application(agency, received=date(2025, 3, 3), actor=clerk)
    services.withdraw(withdrawn, on=date(2025, 3, 7), actor=clerk)
    assert "您已于2025年3月7日撤回该政府信息公开申请" in letter_text(withdrawn, LetterKind.REPLY)


def test_the_agencys_own_template_takes_precedence_and_records_its_version(case, clerk, other_agency):
    LetterTemplate.objects.create(
        agency=case.agency,
        kind=LetterKind.ACKNOWLEDGEMENT,
        title="收件回执",
        body="{{ applicant }}的申请（{{ ref }}）已于{{ received }}收到。\n联系电话：12345",
        version=3,
    )
    LetterTemplate.objects.create(agency=other_agency, kind=LetterKind.CORRECTION, title="别的机关", body="x")
    content, version, title = render_letter(case, LetterKind.ACKNOWLEDGEMENT)
    assert (version, title) == (f"agency-{case.agency_id}-v3", "收件回执")
    assert f"李四的申请（{case.ref}）已于2025年3月3日收到。\n联系电话：12345" in text_of(content)
    services.request_correction(case, on=date(2025, 3, 5), what="请写明年份", actor=clerk)
    assert render_letter(case, LetterKind.CORRECTION)[1] == NATIONAL_VERSION  # another agency's template


def test_an_agency_reply_template_applies_to_its_reply_type_only_and_keeps_the_remedies(case, clerk):
    LetterTemplate.objects.create(
        agency=case.agency,
        kind=LetterKind.REPLY,
        reply_type=ReplyType.GRANTED,
        title="公开答复",
        body="经研究，同意公开。",
        version=2,
    )
    services.send_reply(
        case, reply_type=ReplyType.GRANTED, service_method="signed", served_on=date(2025, 3, 25), actor=clerk
    )
    content, version, _ = render_letter(case, LetterKind.REPLY)
    text = text_of(content)
    assert version == f"agency-{case.agency_id}-v2" and "经研究，同意公开。" in text
    assert "60日内向某市人民政府申请行政复议" in text  # the remedies notice is never dropped
    draft_version = render_letter(case, LetterKind.REPLY, reply_type=ReplyType.UNABLE_NOT_HELD)[1]
    assert draft_version == NATIONAL_VERSION


def test_a_broken_agency_template_is_reported_not_rendered(case):
    with pytest.raises(InvalidInput, match="文书模板有误"):
        check_template_text("{% if %}")
    LetterTemplate.objects.create(
        agency=case.agency,
        kind=LetterKind.ACKNOWLEDGEMENT,
        title="回执",
        body="{% include 'web/base.html' %}",
    )
    with pytest.raises(InvalidInput):
        render_letter(case, LetterKind.ACKNOWLEDGEMENT)  # no loaders: a template cannot read files


def test_generate_letter_stores_the_file_with_the_case_and_audits_it(case, clerk):
    letter = generate_letter(case, kind=LetterKind.ACKNOWLEDGEMENT, actor=clerk)
    assert letter.application == case and letter.template_version == NATIONAL_VERSION
    assert letter.file.name.startswith(f"letters/{case.agency_id}/{case.pk}/acknowledgement-")
    with letter.file.open("rb") as stored:
        assert case.ref in text_of(stored.read())
    event = AuditEvent.objects.get(event="application.letter_generated", subject_id=str(case.pk))
    assert event.after["letter"] == letter.pk and event.after["template_version"] == NATIONAL_VERSION
    assert event.actor == clerk
