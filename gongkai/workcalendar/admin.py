from django.contrib import admin

from gongkai.workcalendar.models import CalendarDay, CalendarYear
from gongkai.workcalendar.services import remove_day, set_day


@admin.register(CalendarDay)
class CalendarDayAdmin(admin.ModelAdmin):
    list_display = ["date", "is_working", "name", "source", "version", "updated_at"]
    list_filter = ["is_working", "source"]
    date_hierarchy = "date"
    search_fields = ["name"]
    fields = ["date", "is_working", "name"]

    def save_model(self, request, obj, form, change):
        # Through the service, so the change is audited and open deadlines are refreshed.
        saved = set_day(obj.date, is_working=obj.is_working, name=obj.name, actor=request.user)
        obj.pk = saved.pk

    def delete_model(self, request, obj):
        remove_day(obj, actor=request.user)

    def delete_queryset(self, request, queryset):
        for day in queryset:
            remove_day(day, actor=request.user)


@admin.register(CalendarYear)
class CalendarYearAdmin(admin.ModelAdmin):
    list_display = ["year", "source", "version", "loaded_at"]
    readonly_fields = ["year", "source", "version", "loaded_at"]

    def has_add_permission(self, request):  # loaded through `gongkai calendar import` or sync
        return False
