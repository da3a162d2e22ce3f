from glmref.cli import main

main()
