"""``careercoach roi``: the education return-on-investment calculator.

Flags for every input (SPEC.md, "The education ROI calculator"); the missing required
ones are asked for when stdin and stdout are terminals, else each is an exit-2 error
naming its flag. Numbers are read here (``60,000`` and ``25%`` are fine) so that a bad
value is one ``careercoach: ...`` line like every other problem. The model is
``careercoach.core.roi``, the text ``careercoach.ui.roi_report``; everything is imported inside
the command to keep ``careercoach --help`` fast.
"""

import sys
from typing import TYPE_CHECKING, Annotated, Any

import typer

from careercoach.cli.app import app, state

if TYPE_CHECKING:
    from careercoach.core.education_pays import SalaryEstimate

_NUMBER_FLAGS = (
    # input name, whether "25%" is allowed
    ("cost", False),
    ("years", False),
    ("current_salary", False),
    ("expected_salary", False),
    ("completion", True),
    ("discount_rate", True),
    ("tax_rate", True),
    ("horizon", False),
    ("loan", False),
    ("loan_rate", True),
    ("loan_years", False),
    ("salary_growth", True),
)
_QUESTIONS = {
    "cost": "Total tuition and fees, all years together:",
    "years": "Years of study (whole years):",
    "current_salary": "Your current yearly salary:",
    "expected_salary": "Your expected yearly salary after the degree:",
    "completion": "Your chance of finishing (0.8 or 80% for 80%):",
}
_WHOLE = ("years", "horizon", "loan_years")
_PERCENT = frozenset(name for name, percent in _NUMBER_FLAGS if percent)
_STUDY_MODE = "How would you study?"
_STUDY_MODES = [
    ("part_time", "Part-time: keep working and keep the salary"),
    ("full_time", "Full-time: give up the salary while studying"),
]


def _interactive() -> bool:
    """Prompts only when a person is there: stdin and stdout are both terminals."""
    return sys.stdin.isatty() and sys.stdout.isatty()


@app.command(
    short_help="Does a degree pay for itself?",
    epilog="""\b
Examples:
  careercoach roi --cost 60000 --years 2 \\
      --current-salary 70000 \\
      --expected-salary 90000
  careercoach roi --cost 120000 --years 2 \\
      --current-salary 75000 \\
      --expected-salary 110000 \\
      --degree master --full-time
  careercoach roi --cost 60000 --years 2 \\
      --current-salary 70000 \\
      --expected-salary 90000 \\
      --loan 40000 --loan-rate 6% \\
      --salary-growth 2%
  careercoach roi --cost 40000 --years 4 \\
      --current-salary 38000 \\
      --degree bachelor --from some_college \\
      --completion 0.6
  careercoach roi --json --cost 30000 \\
      --years 3 --current-salary 50000 \\
      --expected-salary 58000
  careercoach roi   # asks for what is missing
""",
)
def roi(
    ctx: typer.Context,
    cost: Annotated[
        str | None, typer.Option("--cost", help="Total tuition and fees.", metavar="AMOUNT")
    ] = None,
    years: Annotated[
        str | None,
        typer.Option("--years", help="Years of study (whole years, 1 or more).", metavar="N"),
    ] = None,
    current_salary: Annotated[
        str | None,
        typer.Option("--current-salary", help="Current yearly salary.", metavar="AMOUNT"),
    ] = None,
    expected_salary: Annotated[
        str | None,
        typer.Option(
            "--expected-salary",
            help="Expected yearly salary after the degree (or --degree's typical one).",
            metavar="AMOUNT",
        ),
    ] = None,
    full_time: Annotated[
        bool | None,
        typer.Option(
            "--full-time/--part-time",
            help="Full-time study gives up the salary; part-time keeps it (asked when "
            "other inputs are asked).  [default: part-time]",
            show_default=False,
        ),
    ] = None,
    completion: Annotated[
        str | None,
        typer.Option(
            "--completion",
            help="Chance of finishing, 0 < P <= 1, e.g. 0.8 or 80% (asked when other "
            "inputs are asked).  [default: 1]",
            metavar="P",
        ),
    ] = None,
    discount_rate: Annotated[
        str | None,
        typer.Option(
            "--discount-rate",
            help="Yearly real discount rate, -0.5 < RATE <= 1.  [default: 0.03]",
            metavar="RATE",
        ),
    ] = None,
    tax_rate: Annotated[
        str | None,
        typer.Option(
            "--tax-rate",
            help="Tax rate on the salary difference, 0 <= RATE < 1.  [default: 0.25]",
            metavar="RATE",
        ),
    ] = None,
    horizon: Annotated[
        str | None,
        typer.Option(
            "--horizon",
            help="Working years left, from now; more than --years.  [default: 30]",
            metavar="YEARS",
        ),
    ] = None,
    loan: Annotated[
        str | None,
        typer.Option(
            "--loan",
            help="Amount borrowed toward the cost, at most --cost; repaid after study.  "
            "[default: 0]",
            metavar="AMOUNT",
        ),
    ] = None,
    loan_rate: Annotated[
        str | None,
        typer.Option(
            "--loan-rate",
            help="Yearly interest rate of the loan, -0.5 <= RATE <= 1.  [default: 0.05]",
            metavar="RATE",
        ),
    ] = None,
    loan_years: Annotated[
        str | None,
        typer.Option(
            "--loan-years",
            help="Years to repay the loan in equal payments, from the end of study.  [default: 10]",
            metavar="N",
        ),
    ] = None,
    salary_growth: Annotated[
        str | None,
        typer.Option(
            "--salary-growth",
            help="Yearly raise on both salaries (with and without the degree), "
            "-0.5 <= RATE <= 0.5.  [default: 0]",
            metavar="RATE",
        ),
    ] = None,
    degree: Annotated[
        str | None,
        typer.Option(
            "--degree",
            help="Compare with the typical raise for this degree (BLS medians): "
            "associate, bachelor, master, professional or doctorate. Without "
            "--expected-salary, that typical salary is used, and the report says so.",
            metavar="DEGREE",
        ),
    ] = None,
    from_level: Annotated[
        str | None,
        typer.Option(
            "--from",
            help="Your level now, for --degree: less_than_high_school, high_school, "
            "some_college, associate, bachelor, master, professional or doctorate.  "
            "[default: bachelor for a graduate degree, else high_school]",
            metavar="LEVEL",
        ),
    ] = None,
    json_out: Annotated[bool, typer.Option("--json", help="Print the result as JSON.")] = False,
    plain: Annotated[
        bool,
        typer.Option("--plain", help="Plain text, no box drawing (always when piped)."),
    ] = False,
) -> None:
    """Does a degree pay? Break-even salary, payback year and IRR."""
    from careercoach.core import roi as model
    from careercoach.errors import BadInput

    given: dict[str, str | None] = {
        "cost": cost,
        "years": years,
        "current_salary": current_salary,
        "expected_salary": expected_salary,
        "completion": completion,
        "discount_rate": discount_rate,
        "tax_rate": tax_rate,
        "horizon": horizon,
        "loan": loan,
        "loan_rate": loan_rate,
        "loan_years": loan_years,
        "salary_growth": salary_growth,
    }
    values, found = _parse_flags(given)
    found += _degree_problems(degree, from_level)
    if found:
        raise BadInput.from_problems(found)

    if full_time is not None:
        values["full_time"] = full_time
    values["degree"], values["from_degree"] = degree, from_level
    for name, default in model.DEFAULTS.items():
        values.setdefault(name, default)
    needed = [name for name in model.REQUIRED if name not in values]
    if needed and _interactive():
        _ask(
            values,
            needed,
            ask_study_mode=full_time is None,
            ask_completion=completion is None,
        )
    elif needed and not (needed == ["expected_salary"] and degree):
        raise BadInput.from_problems(_missing(name) for name in needed)

    estimate: SalaryEstimate | None = None
    if "expected_salary" not in values and not values["current_salary"]:
        raise BadInput.from_problems(
            [
                "--degree alone scales --current-salary by the BLS ratio, and 0 scales to 0: "
                "give --expected-salary"
            ]
        )
    if "expected_salary" not in values:  # only --degree: its typical salary, said so
        from careercoach.core.education_pays import expected_salary as estimate_salary

        estimate = estimate_salary(float(values["current_salary"]), str(degree), from_level)
        values["expected_salary"] = estimate.expected_salary

    inputs = model.RoiInputs(**values)
    bad = model.problems(inputs)
    if bad:
        raise BadInput.from_problems(bad)
    result = model.evaluate(inputs)
    scenarios = model.sensitivity(inputs)

    if json_out:
        import json

        data = result.to_json_dict()
        data["expected_salary_source"] = estimate.source_text() if estimate else None
        data["sensitivity"] = model.sensitivity_json(scenarios)
        sys.stdout.write(json.dumps(data, indent=2) + "\n")
        return

    from careercoach.ui.roi_report import READABLE_WIDTH, salary_notes

    notes = salary_notes(result, estimated=estimate is not None)
    if plain or not sys.stdout.isatty():
        import shutil

        from careercoach.ui.roi_report import roi_text

        width = min(shutil.get_terminal_size().columns, READABLE_WIDTH)
        text = roi_text(result, scenarios, notes=notes, width=width, estimated=estimate is not None)
        sys.stdout.write(text)
        return

    from careercoach.ui.console import make_console
    from careercoach.ui.roi_report import roi_renderable

    console = make_console(no_color=state(ctx).no_color)
    console.print(
        roi_renderable(result, scenarios, notes=notes, estimated=estimate is not None),
        width=min(console.width, READABLE_WIDTH),
    )


def _parse_flags(given: dict[str, str | None]) -> tuple[dict[str, Any], list[str]]:
    """Each given number flag read and checked on its own: (values, problems)."""
    from careercoach.core import roi as model
    from careercoach.ui.prompts import parse_number

    values: dict[str, Any] = {}
    found: list[str] = []
    for name, percent in _NUMBER_FLAGS:
        text = given[name]
        if text is None:
            continue
        flag = model.FLAGS[name]
        try:
            number = parse_number(text, percent=percent)
        except ValueError:
            found.append(f"{flag} must be a number (got {text.strip()!r})")
            continue
        value: float | int = number
        if name in _WHOLE and number.is_integer():
            value = int(number)
        problem = model.check_input(name, value, percent_sign=percent)
        if problem:
            found.append(problem)
        else:
            values[name] = value
    return values, found


def _degree_problems(degree: str | None, from_level: str | None) -> list[str]:
    """The degree flags checked before anything is asked (the model checks them again)."""
    from careercoach.core import roi as model

    found = [
        problem
        for name, value in (("degree", degree), ("from_degree", from_level))
        if (problem := model.check_input(name, value))
    ]
    if found or from_level is None:
        return found
    probe = model.RoiInputs(
        cost=0, years=1, current_salary=0, expected_salary=0, degree=degree, from_degree=from_level
    )
    return model.problems(probe)


def _missing(name: str) -> str:
    from careercoach.core import roi as model

    flag = model.FLAGS[name]
    also = " (or --degree to estimate it)" if name == "expected_salary" else ""
    return (
        f"{flag} is required{also}: {model.DESCRIPTIONS[name]}; give it, "
        "or run in a terminal to be asked"
    )


def _ask(
    values: dict[str, Any], needed: list[str], *, ask_study_mode: bool, ask_completion: bool
) -> None:
    """Ask for each missing required input, checking each answer as it is typed; and,
    unless a flag said it, whether study is full-time (right after the years of study, or
    first when those were given) and the chance of finishing (last)."""
    from careercoach.errors import Interrupted

    try:
        if ask_study_mode and "years" not in needed:
            _ask_study_mode(values)
        for name in needed:
            _ask_input(values, name)
            if ask_study_mode and name == "years":
                _ask_study_mode(values)
        if ask_completion:
            _ask_input(values, "completion")
    except Interrupted as exc:
        raise Interrupted("interrupted: nothing was saved (roi keeps no data)") from exc


def _ask_study_mode(values: dict[str, Any]) -> None:
    from careercoach.ui.prompts import ask_single

    values["full_time"] = ask_single(_STUDY_MODE, _STUDY_MODES) == "full_time"


def _ask_input(values: dict[str, Any], name: str) -> None:
    from careercoach.core import roi as model
    from careercoach.ui.prompts import ask_number

    label = model.DESCRIPTIONS[name].split(",")[0].capitalize()

    def validate(number: float) -> str | None:
        value: float | int = int(number) if name in _WHOLE and number.is_integer() else number
        problem = model.check_input(name, value, label=label, percent_sign=name in _PERCENT)
        if problem is None and name == "years" and value >= values["horizon"]:
            problem = (
                f"{label} must be less than the horizon, {values['horizon']} working "
                "years (change it with --horizon)"
            )
        return problem

    question = _QUESTIONS[name]
    if name == "expected_salary" and values.get("degree"):
        question = _expected_question(values)
    number = ask_number(question, validate=validate, percent=name in _PERCENT)
    values[name] = int(number) if name in _WHOLE else number


def _expected_question(values: dict[str, Any]) -> str:
    """The expected-salary question with the typical figure for the degree beside it."""
    from careercoach.core.education_pays import expected_salary
    from careercoach.core.roi import DEGREE_NOUNS

    degree = str(values["degree"])
    typical = expected_salary(float(values["current_salary"]), degree, values["from_degree"])
    return (
        f"Your expected yearly salary after the degree (typical for {DEGREE_NOUNS[degree]}: "
        f"{typical.expected_salary:,.0f}):"
    )
