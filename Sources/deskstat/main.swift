import DeskstatCLI

DeskstatCommand.main()
