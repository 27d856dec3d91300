import DeskstatCLI

CrashGuard.install()
DeskstatCommand.runMain()
