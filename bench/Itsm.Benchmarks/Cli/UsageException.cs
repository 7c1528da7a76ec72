namespace Itsm.Benchmarks.Cli;

/// <summary>Bad command-line input: the dispatcher prints the message and the command's usage, exit code 2.</summary>
public sealed class UsageException : Exception
{
    public UsageException(string message)
        : base(message)
    {
    }

    public UsageException()
    {
    }

    public UsageException(string message, Exception innerException)
        : base(message, innerException)
    {
    }
}
