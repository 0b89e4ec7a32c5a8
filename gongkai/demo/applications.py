"""The demo's requests: a year (2025) of cases through the real services, and the seed reports' years.

Deterministic: random.Random(2024) picks contents, applicants and dates. Every date is in the past
(the services refuse future events), except a handful of open cases dated a few weeks before the
day the demo is loaded, so that the inbox shows work due soon, overdue and paused.

The seed agencies' report years (shared/corpus/seed-*.txt) hold exactly what the reports state:
惠州 2017 "未收到信息公开申请", 河南 2018 "收到依申请公开0项", 官渡 2017 统计表 "收到申请数 0",
张店 2017 "无信息公开申请", and 柳州 2018 "依申请公开3件，均为网络申请……同意公开……3件"; none of
them reports a review or lawsuit or a fee in that year.
"""

from __future__ import annotations

import random
from collections import Counter
from datetime import date, timedelta

from django.contrib.auth import get_user_model
from django.db import transaction
from django.utils import timezone

from gongkai.agencies.models import Agency
from gongkai.applications import services
from gongkai.applications.letters.services import generate_letter
from gongkai.applications.models import Application, LetterKind
from gongkai.demo.agencies import SEED_AGENCIES
from gongkai.disputes.services import decide_dispute, file_dispute
from gongkai.domain.cases import GiveUpReason
from gongkai.domain.fees import FeeMethod
from gongkai.domain.outcomes import ApplicantType, Channel, DisputeKind, DisputeOutcome, ReplyType
from gongkai.domain.workdays import WorkCalendar
from gongkai.workcalendar.queries import work_calendar

YEAR = 2025  # the demo's "current" year: every event of it is in the past
SEED = 2024
FILLER_PER_AGENCY = 24
FREQUENT_APPLICANT = "赵某某"

CONTENTS = [
    "{year}年度行政执法检查计划及执行情况",
    "{year}年度部门预算和“三公”经费支出情况",
    "某公司年产5万吨项目的行政许可材料",
    "{year}年行政处罚决定书（编号若干）",
    "某小区周边企业的环境监测数据",
    "某路段事故调查报告全文",
    "辖区内重大危险源企业名单",
    "{year}年度安全生产检查通报",
    "某企业排污许可证副本及执行报告",
    "特种设备定期检验情况统计",
    "某项目环境影响评价批复文件",
    "本机关内设机构及职责分工",
    "某次专项整治行动方案及总结",
    "某化工园区应急预案",
    "{year}年度规范性文件目录",
]
NAMES = {
    ApplicantType.NATURAL_PERSON: ["张伟", "王芳", "李娜", "刘洋", "陈静", "杨磊", "黄敏", "周杰"],
    ApplicantType.COMMERCIAL: ["某化工有限公司", "某建材有限责任公司", "某物流有限公司"],
    ApplicantType.RESEARCH: ["某大学公共管理学院", "某环境科学研究所"],
    ApplicantType.PUBLIC_INTEREST: ["某环保公益协会", "某消费者权益保护志愿者协会"],
    ApplicantType.LEGAL_SERVICES: ["某律师事务所", "某法律援助中心"],
    ApplicantType.OTHER_ORG: ["某村民委员会", "某业主委员会"],
}
APPLICANT_WEIGHTS = [60, 12, 6, 6, 10, 6]  # the order of ApplicantType
FILLER_OUTCOMES = [
    (ReplyType.GRANTED, 45),
    (ReplyType.PARTIAL, 10),
    (ReplyType.UNABLE_NOT_HELD, 15),
    (ReplyType.REFUSED_PROCESS_INFO, 5),
    (ReplyType.REFUSED_INTERNAL_AFFAIRS, 3),
    (ReplyType.NOT_PROCESSED_DUPLICATE, 6),
    (ReplyType.NOT_PROCESSED_PETITION, 6),
    (ReplyType.UNABLE_NEEDS_CREATION, 5),
    (ReplyType.REFUSED_QUERY_MATTER, 5),
]
COURTS = {
    "huizhou-ajj": "惠州市惠城区人民法院",
    "henan-yjt": "郑州市金水区人民法院",
    "guandu-hbj": "昆明市官渡区人民法院",
    "zhangdian-yjj": "淄博市张店区人民法院",
    "liuzhou-zjj": "柳州市城中区人民法院",
}


class _Demo:
    def __init__(self, agencies: dict[str, Agency]) -> None:
        users = get_user_model().objects
        self.clerk, self.head = users.get(username="clerk"), users.get(username="office")
        self.rng = random.Random(SEED)  # noqa: S311 - demo data, reproducible on purpose
        self.calendar: WorkCalendar = work_calendar()
        self.seeds = [agencies[seed.slug] for seed in SEED_AGENCIES]
        self.cases: dict[str, Application] = {}  # named cases the disputes and letters refer to
        self.letters = 0

    def fresh(self, key: str) -> Application:
        """A named case as the services left it (they work on their own copy)."""
        return Application.objects.select_related("agency__parent").get(pk=self.cases[key].pk)

    # -- small steps -------------------------------------------------------------------------------

    def day(self, start: date, workdays: int) -> date:
        return self.calendar.add_workdays(start, workdays)

    def workday_in(self, year: int, month: int) -> date:
        return self.day(date(year, month, 1) - timedelta(days=1), self.rng.randint(1, 15))

    def receive(
        self,
        agency: Agency,
        on: date,
        *,
        name: str = "",
        kind: ApplicantType | None = None,
        channel: Channel | None = None,
        content: str = "",
    ) -> Application:
        kind = kind or self.rng.choices(list(ApplicantType), weights=APPLICANT_WEIGHTS)[0]
        channel = channel or self.rng.choice(
            [
                Channel.ONLINE,
                Channel.ONLINE,
                Channel.POST_SIGNED,
                Channel.IN_PERSON,
                Channel.EMAIL,
                Channel.FAX,
            ]
        )
        return services.register_application(
            agency,
            applicant=services.Applicant(
                applicant_type=kind, name=name or self.rng.choice(NAMES[kind]), address="（演示数据）"
            ),
            content=content or self.rng.choice(CONTENTS).format(year=on.year - 1),
            channel=channel,
            received_on=on,
            delivery_form=self.rng.choice(["electronic", "electronic", "paper", "email"]),
            actor=self.clerk,
        )

    def reply(self, case: Application, reply_type: ReplyType, on: date, **details: str) -> Application:
        if reply_type == ReplyType.PARTIAL:
            details.setdefault("withheld", "涉及企业商业秘密的工艺参数及个人身份信息")
            details.setdefault(
                "reasons", "依据《中华人民共和国政府信息公开条例》第十五条，涉及商业秘密和个人隐私"
            )
        services.send_reply(
            case,
            reply_type=reply_type,
            service_method=self.rng.choice(["posted", "electronic"]),
            served_on=on,
            actor=self.clerk,
            **details,
        )
        return case

    # -- stories -------------------------------------------------------------------------------------

    def every_reply_type(self) -> None:
        """One case per reply type, each after the steps that lead to it."""
        for index, reply_type in enumerate(ReplyType):
            agency = self.seeds[index % len(self.seeds)]
            received = self.workday_in(YEAR, index % 10 + 1)
            case = self.receive(agency, received)
            self.cases[reply_type.value] = case
            self._lead_to(case, reply_type, received)

    def _lead_to(self, case: Application, reply_type: ReplyType, received: date) -> None:  # noqa: C901 - one arm per type
        if reply_type == ReplyType.OTHER_NO_CORRECTION:
            services.request_correction(
                case, on=self.day(received, 3), what="请写明所需信息的名称、文号或年份", actor=self.clerk
            )
            services.give_up(
                case, on=self.day(received, 25), reason=GiveUpReason.NO_CORRECTION, actor=self.clerk
            )
        elif reply_type == ReplyType.OTHER_NO_FEE_PAYMENT:
            services.issue_fee_notice(
                case, on=self.day(received, 4), method=FeeMethod.BY_VOLUME, pages=420, actor=self.clerk
            )
            services.give_up(
                case, on=self.day(received, 27), reason=GiveUpReason.NO_FEE_PAYMENT, actor=self.clerk
            )
        elif reply_type == ReplyType.OTHER_OTHER:
            services.withdraw(case, on=self.day(received, 6), note="申请人电话告知不再需要", actor=self.clerk)
        elif reply_type == ReplyType.UNABLE_STILL_UNCLEAR:
            services.request_correction(
                case, on=self.day(received, 2), what="请说明所需执法案卷的企业名称和年份", actor=self.clerk
            )
            services.record_corrected_request(case, on=self.day(received, 9), actor=self.clerk)
            self.reply(case, reply_type, self.day(received, 20))
        elif reply_type == ReplyType.REFUSED_THIRD_PARTY:
            services.start_consultation(
                case, on=self.day(received, 3), party="某化工有限公司", actor=self.clerk
            )
            services.end_consultation(
                case, on=self.day(received, 11), answer="不同意公开，涉及商业秘密", actor=self.clerk
            )
            self.reply(case, reply_type, self.day(received, 18), reasons="第三方不同意公开且理由合理")
        elif reply_type == ReplyType.NOT_PROCESSED_EXCESSIVE:
            services.set_delayed_reply(
                case,
                on=self.day(received, 5),
                until=self.day(received, 40),
                reason="申请人一次申请公开近三年全部执法案卷共计百余项，明显超过合理范围，"
                "本机关要求其说明理由",
                actor=self.clerk,
            )
            self.reply(case, reply_type, self.day(received, 30))
        else:
            self.reply(case, reply_type, self.day(received, self.rng.randint(3, 18)))

    def pauses_and_deadlines(self) -> None:
        """Extensions (approved and refused), other-agency consultation, a late reply, a corrected receipt."""
        huizhou, henan, guandu, zhangdian, liuzhou = self.seeds
        received = self.workday_in(YEAR, 4)
        extended = self.receive(guandu, received)
        services.request_extension(
            extended, on=self.day(received, 15), days=15, reason="需调取归档的历史执法案卷", actor=self.clerk
        )
        services.approve_extension(extended, on=self.day(received, 16), actor=self.head)
        self.cases["extended"] = self.reply(extended, ReplyType.GRANTED, self.day(received, 28))
        refused = self.receive(henan, self.workday_in(YEAR, 5))
        services.request_extension(
            refused, on=self.day(refused.received_on, 12), days=10, reason="工作量较大", actor=self.clerk
        )
        services.reject_extension(
            refused, on=self.day(refused.received_on, 13), note="可按期答复", actor=self.head
        )
        self.reply(refused, ReplyType.GRANTED, self.day(refused.received_on, 18))
        joint = self.receive(zhangdian, self.workday_in(YEAR, 6))
        services.start_consultation(
            joint,
            on=self.day(joint.received_on, 4),
            party="淄博市张店区生态环境分局",
            is_agency=True,
            actor=self.clerk,
        )
        services.end_consultation(
            joint, on=self.day(joint.received_on, 9), answer="同意公开", actor=self.clerk
        )
        self.reply(joint, ReplyType.GRANTED, self.day(joint.received_on, 19))
        late = self.receive(liuzhou, self.workday_in(YEAR, 7))
        self.reply(late, ReplyType.UNABLE_NOT_HELD, self.day(late.received_on, 24))  # 4 working days late
        letter = self.receive(huizhou, self.workday_in(YEAR, 8), channel=Channel.POST_ORDINARY)
        services.correct_receipt_date(
            letter,
            on=self.day(letter.received_on, 2),
            actor=self.clerk,
            reason="平信，以与申请人确认之日为收到日期（第三十一条）",
        )
        self.reply(letter, ReplyType.GRANTED, self.day(letter.received_on, 12))

    def fees(self) -> None:
        """Charged by count from an applicant's 11th request of a month; by pages, once reduced."""
        huizhou = self.seeds[0]
        march = [self.day(date(YEAR, 3, 2), n) for n in range(1, 14)]
        for nth, received in enumerate(march, start=1):
            case = self.receive(huizhou, received, name=FREQUENT_APPLICANT, kind=ApplicantType.NATURAL_PERSON)
            if nth > 10:  # 国办函〔2020〕109号: 11th–30th request of the month, 100 yuan each
                services.issue_fee_notice(
                    case, on=self.day(received, 2), method=FeeMethod.BY_COUNT, actor=self.clerk
                )
                services.record_payment(case, on=self.day(received, 6), actor=self.clerk)
                self.cases.setdefault("fee_by_count", case)
            self.reply(
                case,
                ReplyType.NOT_PROCESSED_DUPLICATE if nth in (4, 9) else ReplyType.GRANTED,
                self.day(received, 12),
            )
        for pages, reduced in ((150, None), (320, 800)):
            case = self.receive(self.seeds[2], self.workday_in(YEAR, 9), kind=ApplicantType.RESEARCH)
            services.issue_fee_notice(
                case,
                on=self.day(case.received_on, 3),
                method=FeeMethod.BY_VOLUME,
                pages=pages,
                reduced_to_yuan=reduced,
                reduction_reason="申请人为公益研究项目" if reduced else "",
                actor=self.clerk,
            )
            services.record_payment(case, on=self.day(case.received_on, 8), actor=self.clerk)
            self.reply(case, ReplyType.GRANTED, self.day(case.received_on, 15))

    def filler(self) -> None:
        """Ordinary cases through the year, so that the reports have figures to show."""
        outcomes, weights = zip(*FILLER_OUTCOMES, strict=True)
        for agency in self.seeds:
            for _ in range(FILLER_PER_AGENCY):
                case = self.receive(agency, self.workday_in(YEAR, self.rng.randint(1, 11)))
                reply_type = self.rng.choices(outcomes, weights=weights)[0]
                self.reply(case, reply_type, self.day(case.received_on, self.rng.randint(2, 19)))
        for agency, day in ((self.seeds[0], date(YEAR, 12, 22)), (self.seeds[3], date(YEAR, 12, 24))):
            carried = self.receive(agency, day)  # concluded next year: carried forward in 2025's report
            self.reply(carried, ReplyType.GRANTED, self.day(day, 15))

    def seed_years(self) -> None:
        """柳州市质量技术监督局 2018: three online requests, all granted (seed-004); the others none."""
        liuzhou = self.seeds[4]
        for month, content in (
            (4, "柳州市在用电梯等特种设备数量"),
            (7, "2017年特种设备定期检验情况"),
            (10, "柳州市锅炉压力容器使用登记数量"),
        ):
            case = self.receive(
                liuzhou, self.workday_in(2018, month), channel=Channel.ONLINE, content=content
            )
            self.reply(case, ReplyType.GRANTED, self.day(case.received_on, self.rng.randint(5, 12)))

    def open_cases(self, today: date) -> None:
        """Cases still open in the weeks before today: due soon, overdue, paused, awaiting a decision."""
        huizhou, henan, guandu, zhangdian, _ = self.seeds
        self.cases["due_soon"] = self.receive(huizhou, self.day(today, -17))
        self.receive(henan, self.day(today, -24))  # overdue
        self.receive(guandu, self.day(today, -1))
        consulting = self.receive(zhangdian, self.day(today, -8))
        services.start_consultation(
            consulting, on=self.day(today, -3), party="某建材有限责任公司", actor=self.clerk
        )
        unclear = self.receive(guandu, self.day(today, -4))
        services.request_correction(
            unclear, on=self.day(today, -2), what="请写明所需文件的文号或成文日期", actor=self.clerk
        )
        self.cases["awaiting_correction"] = unclear
        unpaid = self.receive(henan, self.day(today, -6), kind=ApplicantType.COMMERCIAL)
        services.issue_fee_notice(
            unpaid, on=self.day(today, -2), method=FeeMethod.BY_VOLUME, pages=260, actor=self.clerk
        )
        pending = self.receive(huizhou, self.day(today, -14))
        services.request_extension(
            pending, on=self.day(today, -1), days=20, reason="涉及多个业务科室，需会商", actor=self.clerk
        )

    def disputes(self) -> int:
        """A review then a lawsuit after it; a direct lawsuit; a review still pending."""
        refused = self.fresh(ReplyType.REFUSED_PROCESS_INFO.value)
        agency = refused.agency
        replied = refused.concluded_on
        assert replied is not None and agency.parent is not None
        review = file_dispute(
            agency,
            kind=DisputeKind.REVIEW,
            body=agency.parent.name,
            application=refused,
            filed_on=replied + timedelta(days=30),
            case_number=f"行复〔{YEAR}〕12号",
            actor=self.clerk,
        )
        decide_dispute(
            review, outcome=DisputeOutcome.UPHELD, decided_on=replied + timedelta(days=85), actor=self.clerk
        )
        file_dispute(
            agency,
            kind=DisputeKind.LAWSUIT_AFTER_REVIEW,
            body=COURTS[agency.slug],
            review=review,
            filed_on=replied + timedelta(days=95),
            actor=self.clerk,
        )
        not_held = self.fresh(ReplyType.UNABLE_NOT_HELD.value)
        assert not_held.concluded_on is not None
        direct = file_dispute(
            not_held.agency,
            kind=DisputeKind.LAWSUIT_DIRECT,
            body=COURTS[not_held.agency.slug],
            application=not_held,
            filed_on=not_held.concluded_on + timedelta(days=40),
            actor=self.clerk,
        )
        decide_dispute(
            direct,
            outcome=DisputeOutcome.CORRECTED,
            decided_on=date(YEAR, 12, 15),
            actor=self.clerk,
            note="判决责令重新答复",
        )
        partial = self.fresh(ReplyType.PARTIAL.value)
        assert partial.agency.parent is not None and partial.concluded_on is not None
        file_dispute(
            partial.agency,
            kind=DisputeKind.REVIEW,
            body=partial.agency.parent.name,
            application=partial,
            filed_on=partial.concluded_on + timedelta(days=20),
            actor=self.clerk,
        )
        return 4

    def letters_for_some_cases(self) -> None:
        for key, kind in (
            ("due_soon", LetterKind.ACKNOWLEDGEMENT),
            ("awaiting_correction", LetterKind.CORRECTION),
            (ReplyType.REFUSED_THIRD_PARTY.value, LetterKind.CONSULTATION),
            (ReplyType.REFUSED_THIRD_PARTY.value, LetterKind.REPLY),
            ("fee_by_count", LetterKind.FEE_NOTICE),
            ("extended", LetterKind.EXTENSION),
            (ReplyType.PARTIAL.value, LetterKind.REPLY),
        ):
            generate_letter(self.fresh(key), kind=kind, actor=self.clerk)
            self.letters += 1


@transaction.atomic
def build_applications(agencies: dict[str, Agency]) -> str:
    demo = _Demo(agencies)
    demo.seed_years()
    demo.every_reply_type()
    demo.pauses_and_deadlines()
    demo.fees()
    demo.filler()
    demo.open_cases(timezone.localdate())
    disputes = demo.disputes()
    demo.letters_for_some_cases()
    cases = Application.objects.filter(agency__in=demo.seeds)
    stages = Counter(cases.values_list("stage", flat=True))
    return (
        f"申请 {cases.count()} 件（{YEAR}年 {cases.filter(received_on__year=YEAR).count()} 件，"
        f"办理中 {sum(stages.values()) - stages['concluded']} 件），答复类型 {len(ReplyType)} 种均有案例；"
        f"行政复议和诉讼 {disputes} 件；文书 {demo.letters} 份"
    )
