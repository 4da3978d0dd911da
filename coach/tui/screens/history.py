"""History: every record in a table with filters, trends of pain, and what seems to help."""

from __future__ import annotations

from datetime import timedelta
from typing import ClassVar

from rich.text import Text
from textual import events, work
from textual.app import ComposeResult
from textual.binding import Binding, BindingType
from textual.widgets import DataTable, Input, Static, TabbedContent, TabPane
from textual.widgets._tabbed_content import ContentTab
from textual.worker import get_current_worker

from coach.history import insights, month_sums
from coach.history.filter import HistoryFilter
from coach.history.function_weeks import weekly_scores
from coach.history.insight_text import function_lines, helps_lines, streak_line, week_lines
from coach.history.insights import HelpsSums
from coach.history.local_time import day_start
from coach.history.record_text import kind_label, summary, when_label
from coach.history.record_words import week_label
from coach.history.records import Record
from coach.history.store import StoreError
from coach.tui.screens.base import CoachScreen
from coach.tui.widgets.fitted_table import FittedTable
from coach.tui.widgets.key_footer import KeyFooter
from coach.tui.widgets.pane_scroll import PaneScroll
from coach.tui.widgets.quick_tabs import QuickTabs
from coach.tui.widgets.trend_chart import TrendChart

TREND_DAYS = 30
TREND_WEEKS = 26
FIRST_ROWS = 40  # or the window's height, if taller: enough to fill it
MORE_ROWS = 200
MORE_WHEN_LEFT = 20


class HistoryScreen(CoachScreen):
    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("escape,q", "back", id="history.back"),
        Binding("k", "next_kind", id="history.kind"),
        Binding("p", "next_period", id="history.period"),
        Binding("slash", "search", id="history.search"),
        Binding("r", "show_tab('records')", id="history.records", show=False),
        Binding("t", "show_tab('trends')", id="history.trends", show=False),
        Binding("c", "chart_span", id="history.chart_span", show=False),
        Binding("w", "show_tab('helps')", id="history.helps", show=False),
        Binding("e", "export", id="history.export"),
        Binding("u", "undo", id="history.undo"),
        Binding("n", "edit_note", id="history.note", show=False),
        Binding("d", "delete", id="history.delete", show=False),
    ]
    # The footer leaves out "^p Commands" (ctrl+p still opens them, and help lists it): with Undo it would
    # not fit 80 columns.
    FOOTER_PALETTE: ClassVar[bool] = False
    AUTO_FOCUS: ClassVar[str | None] = "#history-table"
    RECORDS_ONLY: ClassVar[frozenset[str]] = frozenset({"next_kind", "next_period", "search", "edit_note", "delete"})

    def __init__(self) -> None:
        super().__init__()
        self.filter = HistoryFilter()
        self.records: list[Record] = []  # what the filters match, newest first
        self.shown: dict[str, Record] = {}  # the ones in the table so far, by id
        self._row_ids: list[str] = []
        self.deleted: Record | None = None  # for undo
        self.weekly = False  # the chart: the last 30 days, or the last 26 weeks
        self._helps_stale = True
        self._returning = False

    def compose(self) -> ComposeResult:
        yield self.title_bar()
        with QuickTabs(id="history-tabs"):
            with TabPane(self.content.text("history.tab_records"), id="records"):
                yield Static(id="history-filters", markup=False)
                yield Input(placeholder=self.content.text("history.search_placeholder"), id="history-search")
                yield FittedTable(id="history-table", cursor_type="row", zebra_stripes=True)
                yield Static(id="history-count", markup=False)
                yield Static(self.content.text("history.empty"), id="history-empty", markup=False)
            with TabPane(self.content.text("history.tab_trends"), id="trends"), PaneScroll(id="trends-scroll"):
                yield Static(id="trend-title", classes="heading", markup=False)
                yield TrendChart(self.content.text("when.this_year"), locale=self.content.locale, id="trend-chart")
                yield Static(self.content.text("trends.legend"), id="trend-legend", markup=False)
                yield Static(self.content.text("trends.week_title"), classes="heading", markup=False)
                yield Static(id="trend-weeks", markup=False)
                yield Static(id="trend-streak", markup=False)
                yield Static(self.content.text("trends.function_title"), classes="heading", markup=False)
                yield Static(id="trend-function", markup=False)
            with TabPane(self.content.text("history.tab_helps"), id="helps"), PaneScroll(id="helps-scroll"):
                yield Static(self.content.text("helps.title"), classes="heading", markup=False)
                yield Static(id="helps-body", markup=False)
        yield KeyFooter(show_command_palette=self.FOOTER_PALETTE)

    def check_action(self, action: str, parameters: tuple[object, ...]) -> bool | None:
        """The footer offers the filters on the records tab, and undo while there is a deletion to undo."""
        if not self.is_mounted:
            return True
        if action in self.RECORDS_ONLY and self.query_one("#history-tabs", TabbedContent).active != "records":
            return False
        if action in ("edit_note", "delete"):
            return self.highlighted_record() is not None
        if action == "undo":
            return self.deleted is not None
        return True

    def highlighted_record(self) -> Record | None:
        table = self.query_one("#history-table", DataTable)
        if not table.display or not self._row_ids or table.cursor_row >= len(self._row_ids):
            return None
        return self.shown.get(self._row_ids[table.cursor_row])

    def on_mount(self) -> None:
        self.sub_title = self.content.text("history.title")
        table = self.query_one("#history-table", DataTable)
        # As Text: DataTable reads a str label as markup (content's words are literal, and markup loads emoji).
        columns = ("history.col_when", "history.col_week", "history.col_kind", "history.col_summary")
        table.add_columns(*(Text(self.content.text(key)) for key in columns))
        self.query_one("#history-search").display = False
        self.reload(first=True)

    def on_screen_suspend(self) -> None:
        self._returning = True

    def on_screen_resume(self) -> None:
        # Back from a detail or the export dialog: the record may have changed or gone.
        if self._returning:
            self._returning = False
            self.reload()

    # --- loading ---------------------------------------------------------------------------------

    def reload(self, first: bool = False) -> None:
        self._helps_stale = True
        records = self._query()
        if first and not records and self.filter.period != "all":
            # Nothing recent: show everything rather than an empty month.
            self.filter = HistoryFilter(period="all")
            records = self._query()
        self._fill_table(records)
        self._fill_trends()
        if self.query_one("#history-tabs", TabbedContent).active == "helps":
            self._fill_helps()
        self.coach_app.report_store_problems()  # a month that could not be read was moved aside: say so

    def _query(self) -> list[Record]:
        store, now = self.coach_app.store, self.coach_app.now()
        since = self.filter.since(now, store.load_profile())
        return [r for r in store.query(kind=self.filter.store_kind(), since=since) if self.filter.matches(r)]

    def _fill_table(self, records: list[Record]) -> None:
        table = self.query_one("#history-table", DataTable)
        empty = not records and self.filter == HistoryFilter(period="all")
        table.clear()
        self.records = records
        self._row_ids = []
        self.shown = {}
        self._add_rows(max(FIRST_ROWS, self.coach_app.size.height))
        self.query_one("#history-filters", Static).update(
            self.filter.label(self.content, self.coach_app.store.load_profile())
        )
        count = (
            self.content.text("history.count", count=len(records)) if records else self.content.text("history.no_match")
        )
        self.query_one("#history-count", Static).update(count)
        self.query_one("#history-empty").display = empty
        for widget in ("#history-table", "#history-count", "#history-filters"):
            self.query_one(widget).display = not empty
        self.refresh_bindings()

    def _add_rows(self, count: int) -> None:
        """Rows are added as the cursor gets near the end: a long history opens as fast as a short one."""
        start = len(self._row_ids)
        batch = self.records[start : start + count]
        if not batch:
            return
        now = self.coach_app.now()
        # Text, not str: DataTable reads a str as markup, and a "[note]" or a routine name could vanish.
        self.query_one("#history-table", DataTable).add_rows(
            (Text(when_label(self.content, r.at, now)), Text(week_label(self.content, r.gestation_days)),
             Text(kind_label(self.content, r.kind)),
             Text(summary(self.content, r) + (self.content.text("summary.note_mark") if r.note else "")))
            for r in batch
        )  # fmt: skip
        self._row_ids += [r.id for r in batch]
        self.shown.update((r.id, r) for r in batch)

    def on_data_table_row_highlighted(self, event: DataTable.RowHighlighted) -> None:
        if event.cursor_row >= len(self._row_ids) - MORE_WHEN_LEFT:
            self._add_rows(MORE_ROWS)

    def _fill_trends(self) -> None:
        now = self.coach_app.now()
        last = now.date()
        if self.weekly:
            monday = last - timedelta(days=last.weekday())
            first, step = monday - timedelta(weeks=TREND_WEEKS - 1), 7
            title = self.content.text("trends.pain_title_weeks", weeks=TREND_WEEKS)
        else:
            first, step = last - timedelta(days=TREND_DAYS - 1), 1
            title = self.content.text("trends.pain_title", days=TREND_DAYS)
        recent = self.coach_app.store.query(since=day_start(first, now.tzinfo))
        days = insights.bucket_pain(insights.daily_pain(recent, first, last, now.tzinfo), first, step)
        self.query_one("#trend-title", Static).update(title)
        self.query_one("#trend-chart", TrendChart).show(days, first, last, step=step)
        legend = self.content.text("trends.legend_weeks" if self.weekly else "trends.legend")
        self.query_one("#trend-legend", Static).update(legend if days else self.content.text("trends.no_pain"))
        self.query_one("#trend-weeks", Static).update(
            "\n".join(week_lines(self.content, *insights.week_vs_last(recent, now)))
        )
        # Counted within the days read for the chart; a longer streak is shown as "this many or more", so
        # that opening the screen never has to read years of history.
        streak = insights.routine_streak(recent, now)
        reaches_start = streak >= (last - first).days  # counted back to the first day read
        self.query_one("#trend-streak", Static).update(streak_line(self.content, streak, at_least=reaches_start))
        scores = weekly_scores(recent, now.tzinfo)
        self.query_one("#trend-function", Static).update("\n".join(function_lines(self.content, scores)))

    def action_chart_span(self) -> None:
        self.weekly = not self.weekly
        self.action_show_tab("trends")
        self._fill_trends()

    def _fill_helps(self) -> None:
        self._helps_stale = False
        saved = month_sums.saved_helps_sums(self.coach_app.store)  # a small file a month: shown at once
        if saved is not None:
            self._show_helps(self._helps_lines(saved))
            return
        self.query_one("#helps-body", Static).update(self.content.text("helps.working"))
        self._work_out_helps()

    @work(thread=True, exclusive=True, group="helps")
    def _work_out_helps(self) -> None:
        # Months written since their sums were saved are read again (a first look reads them all): off the main
        # thread. The app's own store: it holds one thread at a time to its lock.
        lines = self._helps_lines(month_sums.helps_sums(self.coach_app.store))
        if not get_current_worker().is_cancelled:
            self.coach_app.call_from_thread(self._show_helps, lines)

    def _helps_lines(self, sums: HelpsSums) -> list[str]:
        return helps_lines(self.content, sums.effects(self.content), sums.trigger_list())

    def _show_helps(self, lines: list[str]) -> None:
        if self.is_mounted:
            self.query_one("#helps-body", Static).update(Text("\n".join(lines)))

    def on_tabbed_content_tab_activated(self, event: TabbedContent.TabActivated) -> None:
        self.refresh_bindings()
        if event.pane.id == "helps" and self._helps_stale:
            self._fill_helps()

    # --- actions -----------------------------------------------------------------------------------

    def action_show_tab(self, tab: str) -> None:
        self.query_one("#history-tabs", TabbedContent).active = tab
        # The focus goes with the tab: the table, or the pane (its arrows scroll it). Left to Textual, a hidden
        # table's focus is dropped a frame later, in a frame of its own.
        self._focus_pane()
        self.query_one(KeyFooter).update_keys()  # now, not after TabActivated comes: in the same frame

    def _focus_pane(self) -> None:
        tab = self.query_one("#history-tabs", TabbedContent).active
        self.query_one("#history-table" if tab == "records" else f"#{tab}-scroll").focus()

    def on_click(self, event: events.Click) -> None:
        # A tab chosen with the mouse: the focus into its pane too (Textual leaves it on the tab bar, where the
        # arrows and Enter do nothing for the pane). Chosen with Left and Right on the tab bar, it stays there.
        if isinstance(event.widget, ContentTab):
            self.call_after_refresh(self._focus_pane)

    def action_next_kind(self) -> None:
        self.filter = self.filter.next_kind()
        self._fill_table(self._query())

    def action_next_period(self) -> None:
        self.filter = self.filter.next_period()
        self._fill_table(self._query())

    def action_search(self) -> None:
        self.action_show_tab("records")
        search = self.query_one("#history-search", Input)
        search.display = True
        search.value = self.filter.search
        search.focus()

    def on_input_submitted(self, event: Input.Submitted) -> None:
        self.filter = HistoryFilter(self.filter.kind, self.filter.period, event.value.strip())
        event.input.display = bool(self.filter.search)
        self._fill_table(self._query())
        self.query_one("#history-table").focus()

    def action_back(self) -> None:
        search = self.query_one("#history-search", Input)
        if search.has_focus or self.filter.search:
            search.value = ""
            search.display = False
            self.filter = HistoryFilter(self.filter.kind, self.filter.period, "")
            self._fill_table(self._query())
            self.query_one("#history-table").focus()
            return
        self.coach_app.pop_screen()

    def on_data_table_row_selected(self, event: DataTable.RowSelected) -> None:
        record = self.shown.get(self._row_ids[event.cursor_row])
        if record is not None:
            from coach.tui.screens.record_detail import RecordDetailScreen

            self.coach_app.push_screen(RecordDetailScreen(record), self._after_detail)

    def _after_detail(self, deleted: Record | None) -> None:
        if deleted is not None:
            self.deleted = deleted
            self.refresh_bindings()
            self.notify(self.content.text("history.deleted"), timeout=10)

    def action_edit_note(self) -> None:
        """`n` in the list: the highlighted record's note, as in its detail."""
        from coach.tui.screens.record_detail import NoteEditor

        record = self.highlighted_record()
        if record is None:
            return

        def edited(note: str | None) -> None:
            if note is None or note == record.note:
                return
            try:
                self.coach_app.store.update(record.model_copy(update={"note": note}))
            except StoreError as exc:
                self.notify(str(exc), severity="error", timeout=15)
                return
            self.notify(self.content.text("detail.note_saved"), timeout=3)
            self.reload()

        self.app.push_screen(NoteEditor(record.note), edited)

    def action_delete(self) -> None:
        """`d` in the list: delete the highlighted record, once confirmed (u undoes it)."""
        from coach.tui.screens.record_detail import ConfirmDelete

        record = self.highlighted_record()
        if record is None:
            return

        def confirmed(yes: bool | None) -> None:
            if not yes:
                return
            try:
                self.coach_app.store.delete(record.id)
            except StoreError as exc:
                self.notify(str(exc), severity="error", timeout=15)
                return
            self._after_detail(record)
            self.reload()

        self.app.push_screen(ConfirmDelete(summary(self.content, record)), confirmed)

    def action_undo(self) -> None:
        if self.deleted is None:
            self.notify(self.content.text("history.nothing_to_undo"), timeout=3)
            return
        if self.coach_app.save_record(self.deleted):
            self.deleted = None
            self.refresh_bindings()
            self.notify(self.content.text("history.undone"), timeout=3)
            self.reload()

    def action_export(self) -> None:
        from coach.tui.screens.export_dialog import ExportDialog

        now = self.coach_app.now()
        profile = self.coach_app.store.load_profile()
        self.coach_app.push_screen(
            ExportDialog(self.filter.since(now, profile), self.filter.period_label(self.content, profile))
        )
