"""One screen per module. `SCREENS` maps the names used by `app.open(name)` to their classes,
imported only when first opened so that start-up stays fast."""

SCREENS = {
    "home": "coach.screens.home:HomeScreen",
    "help": "coach.screens.help:HelpScreen",
    "about": "coach.screens.about:AboutScreen",
    "first_run": "coach.screens.first_run:FirstRunScreen",
    "too_small": "coach.screens.too_small:TooSmallScreen",
    "history": "coach.screens.history:HistoryScreen",
    "record_detail": "coach.screens.record_detail:RecordDetailScreen",
}
