"""One screen per module. `SCREENS` maps the names used by `app.open(name)` to their classes,
imported only when first opened so that start-up stays fast."""

SCREENS = {
    "home": "coach.tui.screens.home:HomeScreen",
    "help": "coach.tui.screens.help:HelpScreen",
    "about": "coach.tui.screens.about:AboutScreen",
    "first_run": "coach.tui.screens.first_run:FirstRunScreen",
    "too_small": "coach.tui.screens.too_small:TooSmallScreen",
    "history": "coach.tui.screens.history:HistoryScreen",
    "record_detail": "coach.tui.screens.record_detail:RecordDetailScreen",
    "routines": "coach.tui.screens.routines:RoutinesScreen",
    "player": "coach.tui.screens.player:PlayerScreen",
    "safety_check": "coach.tui.screens.safety_check:SafetyCheckScreen",
    "stop_advice": "coach.tui.screens.stop_advice:StopAdviceScreen",
    "pain_rating": "coach.tui.screens.pain_rating:PainRatingScreen",
    "stop_reason": "coach.tui.screens.stop_reason:StopReasonScreen",
    "checkin": "coach.tui.screens.checkin:CheckInScreen",
    "profile": "coach.tui.screens.profile:ProfileScreen",
    "redflag": "coach.tui.screens.redflag:RedFlagScreen",
    "assessment": "coach.tui.screens.assessment:AssessmentScreen",
    "flare_log": "coach.tui.screens.flare_log:FlareLogModal",
    "confirm_quit": "coach.tui.screens.confirm_quit:ConfirmQuitScreen",
}
