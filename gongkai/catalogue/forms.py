"""HTML input → cleaned, typed values for the catalogue's services."""

from __future__ import annotations

from typing import Any

from django import forms
from django.conf import settings
from django.utils import timezone

from gongkai.agencies.models import Agency
from gongkai.catalogue.models import CatalogueSettings, Category
from gongkai.catalogue.services.setup import GUIDE_FIELDS
from gongkai.domain.errors import DomainError
from gongkai.domain.publication_rules import DocumentType, ReleaseChannel, Validity, check_validity

DATE = forms.DateInput(attrs={"type": "date"}, format="%Y-%m-%d")
BODY_FORMATS = [("text", "纯文本（每段一行）"), ("html", "HTML（将自动清理不安全的标签）")]


class CategoryChoiceField(forms.ModelChoiceField):
    def label_from_instance(self, obj: Category) -> str:
        indent = "　" * getattr(obj, "depth", 0)
        return f"{indent}{obj.code} {obj.name}"


def _categories(agency: Agency) -> list[Category]:
    from gongkai.catalogue.queries import category_tree

    ordered = []
    for node in category_tree(agency):
        node.category.depth = node.depth  # type: ignore[attr-defined]
        ordered.append(node.category)
    return ordered


class ContentForm(forms.Form):
    """What every version says."""

    title = forms.CharField(label="标题", max_length=300)
    body = forms.CharField(label="正文", widget=forms.Textarea(attrs={"rows": 12}), required=False)
    body_format = forms.ChoiceField(label="正文格式", choices=BODY_FORMATS, initial="text")
    doc_number = forms.CharField(label="文号", max_length=100, required=False)
    written_on = forms.DateField(label="成文日期", widget=DATE)
    keywords = forms.CharField(
        label="主题词", max_length=200, required=False, help_text="多个主题词用空格分隔"
    )


class DraftForm(ContentForm):
    """A new entry (or a draft never published): content plus where it sits in the catalogue."""

    category = CategoryChoiceField(label="信息分类", queryset=Category.objects.none())
    doc_type = forms.ChoiceField(label="文件类型", choices=[(t.value, t.label) for t in DocumentType])
    validity = forms.ChoiceField(
        label="有效性", choices=[("", "（不适用）"), *((v.value, v.label) for v in Validity)], required=False
    )

    def __init__(self, *args: Any, agency: Agency, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        categories = _categories(agency)
        field = self.fields["category"]
        assert isinstance(field, CategoryChoiceField)
        field.queryset = Category.objects.filter(agency=agency)
        field.choices = [("", "---------"), *((c.pk, field.label_from_instance(c)) for c in categories)]

    def clean(self) -> dict[str, Any]:
        cleaned = super().clean() or {}
        doc_type = DocumentType(cleaned.get("doc_type") or DocumentType.OTHER)
        validity = Validity(cleaned["validity"]) if cleaned.get("validity") else None
        try:
            check_validity(doc_type, validity)
        except DomainError as error:
            self.add_error("validity", error.message)
        cleaned["doc_type"], cleaned["validity"] = doc_type, validity
        return cleaned


class CorrectionDraftForm(ContentForm):
    formed_on = forms.DateField(label="变更日期", widget=DATE, help_text="20个工作日公开时限自此日起算")
    written_on = forms.DateField(label="成文日期", widget=DATE, required=False)


class AttachmentForm(forms.Form):
    file = forms.FileField(label="附件", help_text="PDF、DOCX、XLSX 或图片")

    def clean_file(self) -> Any:
        upload = self.cleaned_data["file"]
        limit = settings.GONGKAI_MAX_UPLOAD_BYTES
        if upload.size > limit:  # refused before it is read into memory; the service checks again
            raise forms.ValidationError(f"附件超过大小上限 {limit // (1024 * 1024)} MB")
        return upload


class NoteForm(forms.Form):
    note = forms.CharField(label="说明", widget=forms.Textarea(attrs={"rows": 2}))


class OptionalNoteForm(forms.Form):
    note = forms.CharField(label="审查意见", widget=forms.Textarea(attrs={"rows": 2}), required=False)


class ReasonForm(forms.Form):
    reason = forms.CharField(label="理由", widget=forms.Textarea(attrs={"rows": 2}))


class CorrectionForm(ReasonForm):
    formed_on = forms.DateField(label="变更日期", widget=DATE, initial=timezone.localdate)


class ApproveForm(forms.Form):
    published_on = forms.DateField(label="发布日期", widget=DATE, initial=timezone.localdate)
    channels = forms.MultipleChoiceField(
        label="发布渠道",
        choices=[(c.value, c.label) for c in ReleaseChannel],
        initial=[ReleaseChannel.WEBSITE.value],
        widget=forms.CheckboxSelectMultiple,
    )


class ValidityForm(forms.Form):
    validity = forms.ChoiceField(label="有效性", choices=[(v.value, v.label) for v in Validity])
    changed_on = forms.DateField(label="变更日期", widget=DATE, initial=timezone.localdate)
    repealed_by = forms.CharField(label="废止文件的索引号", max_length=80, required=False)


class ReleaseForm(forms.Form):
    channel = forms.ChoiceField(label="渠道", choices=[(c.value, c.label) for c in ReleaseChannel])
    released_on = forms.DateField(label="日期", widget=DATE, initial=timezone.localdate)
    note = forms.CharField(label="说明", max_length=100, required=False)


class SettingsForm(forms.ModelForm):
    class Meta:
        model = CatalogueSettings
        fields = ["index_pattern", *GUIDE_FIELDS]
        widgets = {name: forms.Textarea(attrs={"rows": 3}) for name in GUIDE_FIELDS if name != "hours"}


class CategoryForm(forms.Form):
    name = forms.CharField(label="分类名称", max_length=60)
    code = forms.CharField(label="分类代码", max_length=20, help_text="用于索引号，本机关内不得重复")
    parent = CategoryChoiceField(label="上级分类", queryset=Category.objects.none(), required=False)

    def __init__(self, *args: Any, agency: Agency, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        field = self.fields["parent"]
        assert isinstance(field, CategoryChoiceField)
        field.queryset = Category.objects.filter(agency=agency)
        field.choices = [
            ("", "（顶级分类）"),
            *((c.pk, field.label_from_instance(c)) for c in _categories(agency)),
        ]


class SearchForm(forms.Form):
    q = forms.CharField(label="检索词", max_length=100, required=False)
    agency = forms.CharField(required=False)
    category = forms.CharField(required=False)
    year = forms.IntegerField(required=False, min_value=1990, max_value=2100)
    validity = forms.ChoiceField(
        choices=[("", "全部"), *((v.value, v.label) for v in Validity)], required=False
    )
    order = forms.ChoiceField(choices=[("relevance", "相关度"), ("date", "发布日期")], required=False)
    page = forms.IntegerField(required=False, min_value=1)
