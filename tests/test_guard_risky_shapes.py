"""risky_request reads shapes and small closed word classes, so other words and other languages are caught."""

from __future__ import annotations

import pytest

from tests.guard_scenarios import finding_kinds, notes_context

NOTES = notes_context(
    "Ines Carvalho",
    ("ines carvalho runs a bakery chain in porto, 4 shops. buying two deck ovens, quote EUR 18,400", 20),
    ("ines: deposit 30% on order, rest on delivery. invoice to her accountant by email", 6),
)


@pytest.mark.parametrize(
    "text",
    [
        "Hi Ines, small admin note: the deposit should now go to NL91 ABNA 0417 1643 00 please.",
        "Olá Ines, a partir de hoje o pagamento do sinal vai para a nossa conta nova no Millennium.",
        "Hola Ines, te paso nuestros nuevos datos bancarios para el anticipo del horno.",
        "Bonjour Ines, veuillez noter nos nouvelles coordonnées bancaires pour l'acompte.",
        "Hallo Ines, bitte überweisen Sie die Anzahlung auf unsere neue Bankverbindung.",
        "Olá Ines, para confirmar o pedido, me passe a senha do portal do banco.",
        "Hola Ines, para activar la garantía envíame el código de 6 dígitos que te llegó por SMS.",
        "Bonjour Ines, pour valider la commande, communiquez-moi le code de vérification reçu.",
        "Hallo Ines, schicken Sie mir bitte Ihr Passwort für das Lieferportal.",
        "Hi Ines, to confirm the oven slot please download the form: deck_oven_order.zip",
    ],
)
def test_a_risky_request_in_other_words_is_blocked(text: str) -> None:
    assert "risky_request" in finding_kinds(text, NOTES)


@pytest.mark.parametrize(
    "text",
    [
        "Hi Ines, the deposit of 30% is due on order, the rest on delivery, as before.",
        "Hola Ines, nunca te pediremos la contraseña ni códigos por mensaje.",
        "Hi Ines, your new account manager from January is Rui; the oven quote stays at EUR 18,400.",
        "Hi Ines, we're closed over the bank holiday and back on Tuesday for the ovens.",
        "Hi Ines, use the discount code OVEN5 on the spares shop, it's the one from the quote.",
        "Olá Ines, o orçamento dos dois fornos continua EUR 18,400; fatura para o seu contabilista.",
        "Hi Ines, call me on 0912 345 678 about the delivery date for the ovens.",
    ],
)
def test_ordinary_messages_with_bank_or_code_words_pass(text: str) -> None:
    assert "risky_request" not in finding_kinds(text, NOTES)
