"""Reminders leave outside any request: their push message and mail are in the user's language,
amounts written as that language writes numbers."""

from __future__ import annotations

from datetime import date
from decimal import Decimal

import pytest

from accounts.models import User
from conftest import ApiClient, mail_to
from factories import make_habit
from habits.reminders.mails import KIND_REMINDER
from habits.reminders.services import reminder_message, reminders_send
from habits.reminders.tests.push_endpoint import PushEndpoint
from habits.reminders.tests.test_sender import remind_soon, subscribe
from habits.reminding.webpush import Vapid
from habits.rules import Kind, TargetType

pytestmark = pytest.mark.django_db

DAY = date(2026, 3, 2)


def speaking(user: User, language: str) -> User:
    user.language = language
    user.save(update_fields=["language"])
    return user


def test_a_german_users_push_message_is_german(user: User) -> None:
    habit = make_habit(user=speaking(user, "de"), name="Lesen")
    message = reminder_message(habit=habit, day=DAY)
    assert message["body"] == "Zeit für Lesen"
    assert message["actions"] == ["done", "skip"]
    assert message["action_titles"] == {"done": "Erledigt", "skip": "Überspringen"}


def test_a_numeric_reminder_writes_its_amount_as_the_language_does(user: User) -> None:
    habit = make_habit(
        user=speaking(user, "de"),
        name="Wasser",
        kind=Kind.NUMERIC,
        target_value=Decimal("2.5"),
        target_type=TargetType.AT_MOST,
        unit="Liter",
    )
    message = reminder_message(habit=habit, day=DAY)
    assert message["body"] == "Wasser: höchstens 2,5 Liter"
    assert message["action_titles"] == {"skip": "Überspringen"}
    speaking(user, "en")
    habit.refresh_from_db()
    english = reminder_message(habit=habit, day=DAY)
    assert english["body"] == "Wasser: at most 2.5 Liter"
    assert english["action_titles"] == {"skip": "Skip"}


def test_a_question_is_the_users_own_words_in_any_language(user: User) -> None:
    habit = make_habit(user=speaking(user, "es"), name="Leer", question="¿Has leído hoy?")
    assert reminder_message(habit=habit, day=DAY)["body"] == "¿Has leído hoy?"


def test_the_push_that_reaches_the_browser_is_in_the_users_language(
    signed_in: ApiClient, midday_user: User, vapid: Vapid, push_endpoint: PushEndpoint
) -> None:
    habit = make_habit(user=speaking(midday_user, "es"), name="Correr")
    browser = subscribe(signed_in, push_endpoint)
    reminders_send(now=remind_soon(signed_in, habit))
    message = push_endpoint.message(push_endpoint.received[0], browser, public_key=vapid.public_key)
    assert message["body"] == "Es hora de Correr"
    assert message["action_titles"] == {"done": "Hecho", "skip": "Omitir"}


def test_a_reminder_mail_to_a_spanish_user_is_spanish(
    signed_in: ApiClient, midday_user: User, push_endpoint: PushEndpoint
) -> None:
    habit = make_habit(user=speaking(midday_user, "es"), name="Estirar")
    reminders_send(now=remind_soon(signed_in, habit, channel="email"))
    mail = mail_to(midday_user.email, KIND_REMINDER)
    assert mail.subject == "Recordatorio: Estirar"
    assert mail.body.startswith("Hola:\n\nEs hora de Estirar\n\nRegístralo aquí: ")
    assert f"/habits/{habit.pk}" in mail.body
