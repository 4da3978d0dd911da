"""Guided routines: which suit today, the clock-driven player, custom routines, the run's record. No textual."""
