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
    "routines": "coach.screens.routines:RoutinesScreen",
    "player": "coach.screens.player:PlayerScreen",
    "safety_check": "coach.screens.safety_check:SafetyCheckScreen",
    "stop_advice": "coach.screens.stop_advice:StopAdviceScreen",
    "pain_rating": "coach.screens.pain_rating:PainRatingScreen",
    "stop_reason": "coach.screens.stop_reason:StopReasonScreen",
    "checkin": "coach.screens.checkin:CheckInScreen",
    "profile": "coach.screens.profile:ProfileScreen",
    "redflag": "coach.screens.redflag:RedFlagScreen",
    "assessment": "coach.screens.assessment:AssessmentScreen",
    "flare_log": "coach.screens.flare_log:FlareLogModal",
}
