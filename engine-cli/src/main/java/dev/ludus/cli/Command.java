package dev.ludus.cli;

/** A parsed command line, ready to run. */
interface Command {

    /**
     * @throws CommandFailure when the command could not do its work (exit code 1)
     */
    void execute(Streams streams) throws CommandFailure;
}
