"""The check-in: pregnancy dates, the questionnaire's triage and the relief plan. No textual."""
