from glmref.entry import main

main()
