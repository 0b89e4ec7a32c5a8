from __future__ import annotations

from decimal import Decimal
from typing import Any

from django import forms

from gongkai.reports.manual import ManualField, fields_for
from gongkai.reports.models import SectionKey, Template

REASON_HELP = "本年度报告已发布时必填：修改将重新打开报告为新版本"


class SectionForm(forms.Form):
    text = forms.CharField(label="正文", required=False, widget=forms.Textarea(attrs={"rows": 8}))
    reason = forms.CharField(label="修改理由", required=False, help_text=REASON_HELP)


class TemplateForm(forms.Form):
    template = forms.ChoiceField(label="报告格式", choices=Template.choices)


class PublishForm(forms.Form):
    override_reason = forms.CharField(
        label="带错误发布的理由（仅审批领导）", required=False, widget=forms.Textarea(attrs={"rows": 3})
    )


class ReopenForm(forms.Form):
    reason = forms.CharField(label="重新打开的理由", widget=forms.Textarea(attrs={"rows": 3}))


def _field_name(key: str) -> str:
    return "f_" + key.replace(".", "__")


class ManualEntriesForm(forms.Form):
    """One optional number per hand-entered figure of the format; blank clears it."""

    reason = forms.CharField(label="修改理由", required=False, help_text=REASON_HELP)

    def __init__(self, *args: Any, template: str, initial_values: dict[str, Decimal], **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.manual_fields: list[ManualField] = fields_for(template)
        for field in self.manual_fields:
            self.fields[_field_name(field.key)] = forms.DecimalField(
                label=field.label,
                required=False,
                max_digits=16,
                decimal_places=4,
                help_text=field.unit,
                initial=initial_values.get(field.key),
            )

    def rows(self) -> list[tuple[ManualField, forms.BoundField]]:
        return [(field, self[_field_name(field.key)]) for field in self.manual_fields]

    def changed_values(self, current: dict[str, Decimal]) -> dict[str, Decimal | None]:
        """The keys whose value the form changes (None: cleared)."""
        changed: dict[str, Decimal | None] = {}
        for field in self.manual_fields:
            value = self.cleaned_data.get(_field_name(field.key))
            if value != current.get(field.key):
                changed[field.key] = value
        return changed


SECTION_CHOICES = SectionKey.choices
