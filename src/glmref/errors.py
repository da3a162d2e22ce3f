"""The errors glmref reports to its user, each with the exit code the README documents."""

EXIT_OK = 0
EXIT_NOT_FOUND = 1  # no record matched a name, or a query matched nothing
EXIT_USAGE = 2  # bad arguments or bad data


class GlmrefError(Exception):
    """A problem to show the user as one line on stderr, ending the command with `exit_code`."""

    exit_code = EXIT_USAGE

    def __init__(self, message: str, details: "list[str] | None" = None):
        super().__init__(message)
        self.message = message
        self.details = details or []


class NotFound(GlmrefError, LookupError):
    """No record has that name (or it names several). `suggestions` lists related names, best first."""

    exit_code = EXIT_NOT_FOUND

    def __init__(self, message: str, details: "list[str] | None" = None, suggestions: "list[str] | None" = None):
        super().__init__(message, details)
        self.suggestions = list(suggestions or [])


class UsageProblem(GlmrefError, ValueError):
    """A bad argument: an unknown option value, a malformed date or size, an empty name."""

    exit_code = EXIT_USAGE


class DataError(GlmrefError):
    """Data files that do not pass validation; `problems` holds each, `details` one line per problem."""

    exit_code = EXIT_USAGE

    def __init__(self, message, problems=()):
        super().__init__(message, [str(p) for p in problems])
        self.problems = list(problems)
