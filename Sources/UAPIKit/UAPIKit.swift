// The library as one import: every stage, for the command-line tool and for users
// who want the whole pipeline. Each stage is its own module, so the compiler keeps
// the direction Clang -> Extract -> Model -> Diff -> Policy -> Report.
@_exported import UAPIBindings
@_exported import UAPIDiff
@_exported import UAPIExtract
@_exported import UAPIHistory
@_exported import UAPILint
@_exported import UAPIModel
@_exported import UAPIPolicy
@_exported import UAPIReport
@_exported import UAPISync
@_exported import UAPIWorkflows
