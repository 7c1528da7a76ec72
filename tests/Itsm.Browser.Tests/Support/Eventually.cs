namespace Itsm.Browser.Tests.Support;

/// <summary>Waits for state the host reaches on its own (a saved draft, a finished instance) by polling, never by sleeping blind.</summary>
public static class Eventually
{
    public static readonly TimeSpan DefaultTimeout = TimeSpan.FromSeconds(60);

    /// <summary>Reads until <paramref name="done"/> holds, and returns the last value read; fails with <paramref name="because"/> on timeout.</summary>
    public static async Task<T> ReadAsync<T>(Func<Task<T>> read, Func<T, bool> done, string because, TimeSpan? timeout = null)
    {
        ArgumentNullException.ThrowIfNull(read);
        ArgumentNullException.ThrowIfNull(done);
        var deadline = DateTime.UtcNow + (timeout ?? DefaultTimeout);
        while (true)
        {
            var value = await read();
            if (done(value)) return value;
            if (DateTime.UtcNow > deadline) throw new TimeoutException($"Timed out waiting until {because}; last value: {value}");
            await Task.Delay(250);
        }
    }
}
