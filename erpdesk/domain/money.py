"""Money: ``Decimal`` amounts in yuan, rounded half-up to the fen, shown with
thousands separators and written in words the way Chinese banks write them.

Every amount is a ``decimal.Decimal`` (never a float).  The arithmetic runs
in ``MONEY_CONTEXT``, a context with 60 significant digits, so products and
quotients of quote amounts are exact (or, for a division, far more precise
than the final rounding needs) and are rounded once, to the fen, by
``round_fen``.

``amount_in_words`` follows the People's Bank of China's rules for filling
in bills and settlement vouchers (《正确填写票据和结算凭证的基本规定》): capital
numerals, 壹 always written before 拾, one 零 for each gap of zeros, 元 then
角 and 分, and 整 when there are neither.
"""

from __future__ import annotations

from decimal import ROUND_HALF_UP, Context, Decimal

FEN = Decimal("0.01")
# Enough digits that no quote arithmetic rounds before the final quantize.
MONEY_CONTEXT = Context(prec=60, rounding=ROUND_HALF_UP)
# amount_in_words writes up to 万亿 (10^12 .. 10^16 - 1).
WORDS_LIMIT = Decimal(10) ** 16

_DIGITS = "零壹贰叁肆伍陆柒捌玖"
_UNITS = ("", "拾", "佰", "仟")


def _finite(x: Decimal | int, what: str) -> Decimal:
    if isinstance(x, bool) or not isinstance(x, Decimal | int):
        raise TypeError(f"{what} must be a Decimal or an int, not {type(x).__name__}")
    value = Decimal(x)
    if not value.is_finite():
        raise ValueError(f"{what} must be a finite number, not {value}")
    return value


def round_fen(x: Decimal | int) -> Decimal:
    """*x* rounded half-up (away from zero on a tie) to the fen: 0.005 ->
    0.01, -0.005 -> -0.01.  ``ValueError`` for NaN and infinities,
    ``TypeError`` for a float."""
    return _finite(x, "An amount").quantize(FEN, context=MONEY_CONTEXT)


def format_money(x: Decimal | int, *, grouping: bool = True) -> str:
    """*x* to the fen as text: "1,234.50" (or "1234.50" without
    *grouping*); a negative amount starts with "-", zero is "0.00"."""
    value = round_fen(x)
    if value == 0:
        value = abs(value)  # no "-0.00"
    return format(value, ",.2f" if grouping else ".2f")


def _section_words(n: int) -> str:
    """0 < *n* < 10000 in capital numerals: 壹仟零伍拾, 壹拾陆, 伍佰."""
    digits = f"{n:04d}"
    out: list[str] = []
    pending_zero = False
    for position, char in enumerate(digits):
        digit = int(char)
        if digit == 0:
            pending_zero = bool(out)
            continue
        if pending_zero:
            out.append("零")
            pending_zero = False
        out.append(_DIGITS[digit] + _UNITS[3 - position])
    return "".join(out)


def _integer_words(n: int) -> str:
    """0 < *n* < 10^16 as a Chinese number in capital numerals.

    Above 亿 the count of 亿 is itself a number with 万 (壹万零壹亿).  A zero
    is written where the lower part does not start with its leading digit
    (壹拾万零伍佰, 壹亿零伍万) and not where the higher part merely ends in
    zeros (壹拾万柒仟)."""
    for size, unit in ((10**8, "亿"), (10**4, "万")):
        if n >= size:
            high, low = divmod(n, size)
            words = _integer_words(high) + unit
            if low:
                if low < size // 10:
                    words += "零"
                words += _integer_words(low)
            return words
    return _section_words(n)


def amount_in_words(amount: Decimal | int) -> str:
    """*amount* (yuan) in words as on a Chinese bill: 人民币壹仟肆佰零玖元伍角.

    The amount is rounded half-up to the fen first.  A negative amount is
    "人民币负" and the words of its absolute value; ``ValueError`` for NaN,
    infinities and amounts of 10^16 yuan or more."""
    value = round_fen(amount)
    if abs(value) >= WORDS_LIMIT:
        raise ValueError(
            f"{value} is too large to write in words: the limit is below {WORDS_LIMIT:,} yuan"
        )
    sign = "负" if value < 0 else ""
    fen_total = int(abs(value) * 100)
    yuan, cents = divmod(fen_total, 100)
    jiao, fen = divmod(cents, 10)
    if yuan == 0 and cents == 0:
        return "人民币零元整"
    words = ""
    if yuan:
        words = _integer_words(yuan) + "元"
        if not cents:
            return f"人民币{sign}{words}整"
    if jiao:
        words += _DIGITS[jiao] + "角"
    elif yuan and fen:
        words += "零"
    if fen:
        words += _DIGITS[fen] + "分"
    return f"人民币{sign}{words}"
