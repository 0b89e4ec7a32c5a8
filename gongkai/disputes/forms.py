"""HTML input for filing and deciding a review or lawsuit → typed values for the services."""

from __future__ import annotations

from typing import Any

from django import forms
from django.utils.translation import gettext_lazy as _

from gongkai.agencies.access import applications_for_staff
from gongkai.agencies.models import Agency
from gongkai.disputes.models import DisputeKindChoices, DisputeOutcomeChoices
from gongkai.disputes.queries import reviews_of
from gongkai.domain.outcomes import DisputeOutcome

UNKNOWN_APPLICATION = "本机关没有编号为“{ref}”的申请"


class DateInput(forms.DateInput):
    input_type = "date"


class ReviewChoiceField(forms.ModelChoiceField):
    def label_from_instance(self, obj: Any) -> str:
        return f"{obj.filed_on:%Y-%m-%d} {obj.body} {obj.case_number}".strip()


class FileDisputeForm(forms.Form):
    kind = forms.ChoiceField(label=_("类别"), choices=DisputeKindChoices.choices)
    body = forms.CharField(label=_("复议机关或法院"), max_length=120)
    case_number = forms.CharField(label=_("案号"), max_length=80, required=False)
    filed_on = forms.DateField(label=_("申请或立案日期"), widget=DateInput)
    application_ref = forms.CharField(label=_("涉及的申请编号"), max_length=40, required=False)
    review = ReviewChoiceField(label=_("前置行政复议（复议后起诉时必填）"), queryset=None, required=False)
    note = forms.CharField(label=_("说明"), widget=forms.Textarea, required=False)

    def __init__(self, *args: Any, user: Any, agency: Agency, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.user, self.agency = user, agency
        review_field = self.fields["review"]
        assert isinstance(review_field, ReviewChoiceField)
        review_field.queryset = reviews_of(agency)

    def clean_application_ref(self) -> Any:
        ref = self.cleaned_data["application_ref"].strip()
        if not ref:
            return None
        application = applications_for_staff(self.user, self.agency).filter(ref=ref).first()
        if application is None:
            raise forms.ValidationError(UNKNOWN_APPLICATION.format(ref=ref))
        return application


class DecideDisputeForm(forms.Form):
    outcome = forms.ChoiceField(
        label=_("结果"), choices=[c for c in DisputeOutcomeChoices.choices if c[0] != DisputeOutcome.PENDING]
    )
    decided_on = forms.DateField(label=_("审结日期"), widget=DateInput)
    note = forms.CharField(label=_("说明"), widget=forms.Textarea, required=False)
