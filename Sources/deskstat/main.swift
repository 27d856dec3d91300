import DeskstatCLI

await DeskstatCommand.main()
