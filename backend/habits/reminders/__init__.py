"""Reminders: a habit's time of day, sent as Web Push or by mail (see docs/ARCHITECTURE.md)."""
