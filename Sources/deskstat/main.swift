import DeskstatCLI

CrashGuard.install()
DeskstatCommand.main()
