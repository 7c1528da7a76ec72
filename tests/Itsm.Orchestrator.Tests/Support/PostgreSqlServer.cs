using System.Collections.Concurrent;
using System.Diagnostics;
using System.Net;
using System.Net.Sockets;
using Itsm.Orchestrator.Persistence;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Npgsql;

namespace Itsm.Orchestrator.Tests.Support;

/// <summary>
/// The PostgreSQL server of one test process (see <see cref="TestDatabase"/>): reached through a connection string or
/// started as a private cluster, with one migrated template database that every test database is copied from.
/// What this process created is dropped at exit, and a private cluster is stopped and deleted.
/// </summary>
internal sealed class PostgreSqlServer
{
    private static string InstallHint(string serverVariable) =>
        "PostgreSQL tests need a PostgreSQL server: install PostgreSQL (apt-get install postgresql) so the tests start a private " +
        $"cluster with scripts/postgres-cluster.sh, or set {serverVariable} to a connection string without Database " +
        "(e.g. \"Host=127.0.0.1;Port=5432;Username=postgres\").";

    private readonly NpgsqlConnectionStringBuilder _server;
    private readonly string _template;
    private readonly PrivateCluster? _cluster;
    private readonly ConcurrentDictionary<string, byte> _created = new(StringComparer.Ordinal);

    // CREATE DATABASE copies the template; one copy at a time keeps "template in use" races out of the picture, and a
    // second host on the same folder waits until the first one's copy exists.
    private readonly Lock _copying = new();

    private PostgreSqlServer(string server, string template, PrivateCluster? cluster)
    {
        _server = new NpgsqlConnectionStringBuilder(server) { Pooling = false, IncludeErrorDetail = true };
        _template = template;
        _cluster = cluster;
    }

    public static PostgreSqlServer Start(string serverVariable, string prefix)
    {
        // Unique per process: test processes of other worktrees may share an external server.
        var template = $"{prefix}tpl_{Environment.ProcessId}_{Guid.NewGuid():N}";
        var external = Environment.GetEnvironmentVariable(serverVariable);
        var cluster = string.IsNullOrWhiteSpace(external) ? PrivateCluster.Start(serverVariable) : null;
        var server = new PostgreSqlServer(cluster?.ConnectionString ?? external!, template, cluster);
        AppDomain.CurrentDomain.ProcessExit += (_, _) => server.Stop();
        try
        {
            server.MigrateTemplate();
        }
        catch (Exception ex) when (ex is NpgsqlException or InvalidOperationException or TimeoutException)
        {
            throw new InvalidOperationException(
                $"Could not prepare the PostgreSQL template database on {server._server.Host}:{server._server.Port}: {ex.Message} " +
                InstallHint(serverVariable), ex);
        }

        return server;
    }

    public string ConnectionString(string database) =>
        new NpgsqlConnectionStringBuilder(_server.ConnectionString) { Database = database, Pooling = true }.ConnectionString;

    /// <summary>Creates <paramref name="database"/> from the template unless this process already did.</summary>
    public void Ensure(string database)
    {
        lock (_copying)
        {
            if (_created.ContainsKey(database)) return;
            Execute($"CREATE DATABASE \"{database}\" TEMPLATE \"{_template}\"");
            _created.TryAdd(database, 0);
        }
    }

    /// <summary>Drops <paramref name="database"/> (ending its sessions) if this process created it.</summary>
    public void Drop(string database)
    {
        if (_created.TryRemove(database, out _)) Execute($"DROP DATABASE IF EXISTS \"{database}\" WITH (FORCE)");
    }

    /// <summary>The real start-up path (<see cref="DatabaseInitializer"/>) on a fresh database that becomes the template.</summary>
    private void MigrateTemplate()
    {
        Execute($"CREATE DATABASE \"{_template}\"");
        var configuration = new ConfigurationBuilder().AddInMemoryCollection(new Dictionary<string, string?>
        {
            ["Itsm:DataPath"] = Path.GetTempPath(),
            ["Itsm:Persistence:Provider"] = nameof(DatabaseProvider.PostgreSql),
            ["ConnectionStrings:Itsm"] = ConnectionString(_template),
        }).Build();
        var services = new ServiceCollection().AddLogging().AddItsmPersistence(configuration).BuildServiceProvider();
        try
        {
            services.GetRequiredService<DatabaseInitializer>().InitializeAsync(CancellationToken.None).GetAwaiter().GetResult();
        }
        finally
        {
            // No session may stay on a template while it is copied.
            services.DisposeAsync().AsTask().GetAwaiter().GetResult();
            NpgsqlConnection.ClearAllPools();
        }
    }

    private void Execute(string sql)
    {
        using var connection = new NpgsqlConnection(new NpgsqlConnectionStringBuilder(_server.ConnectionString) { Database = "postgres" }.ConnectionString);
        connection.Open();
        using var command = new NpgsqlCommand(sql, connection);
        command.ExecuteNonQuery();
    }

    private void Stop()
    {
        if (_cluster is not null)
        {
            // The whole cluster goes: nothing to drop one by one.
            _cluster.Stop();
            return;
        }

        NpgsqlConnection.ClearAllPools();
        foreach (var database in _created.Keys.Append(_template).ToList())
        {
            try
            {
                _created.TryAdd(database, 0);
                Drop(database);
            }
            catch (NpgsqlException)
            {
                // A shared server that went away first: nothing left to clean.
            }
        }
    }

    /// <summary>A cluster in a temp folder on a free loopback port, started and stopped by <c>scripts/postgres-cluster.sh</c>.</summary>
    private sealed class PrivateCluster(string script, string directory, string connectionString)
    {
        public string ConnectionString => connectionString;

        public static PrivateCluster Start(string serverVariable)
        {
            var hint = InstallHint(serverVariable);
            var script = FindScript() ?? throw new InvalidOperationException($"scripts/postgres-cluster.sh not found above {AppContext.BaseDirectory}. {hint}");
            var directory = Path.Combine(Path.GetTempPath(), $"itsm-test-pg-{Environment.ProcessId}-{Guid.NewGuid():N}");
            var (code, output) = Run(script, "start", directory, FreePort().ToString(System.Globalization.CultureInfo.InvariantCulture));
            if (code != 0)
            {
                TryDelete(directory);
                throw new InvalidOperationException($"Could not start a private PostgreSQL cluster (exit code {code}): {output.Trim()} {hint}");
            }

            var last = output.Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries)[^1];
            Watch(script, directory);
            return new PrivateCluster(script, directory, last);
        }

        public void Stop()
        {
            Run(script, "stop", directory);
            TryDelete(directory);
        }

        /// <summary>
        /// A detached shell that stops the cluster and deletes its folder once this process is gone, however it ended: the
        /// test runner may kill its test host before exit handlers finish, and a killed host runs none.
        /// </summary>
        private static void Watch(string script, string directory)
        {
            // Started through a shell that exits at once, so the watcher is nobody's child: a runner that kills the test
            // host's process tree does not reach it.
            const string WatchLoop = "while kill -0 \"$0\" 2>/dev/null; do sleep 1; done; bash \"$1\" stop \"$2\"; rm -rf \"$2\"";
            const string Detach = "setsid bash -c \"$3\" \"$0\" \"$1\" \"$2\" </dev/null >/dev/null 2>&1 &";
            var (code, output) = Run("-c", Detach, Environment.ProcessId.ToString(System.Globalization.CultureInfo.InvariantCulture), script, directory, WatchLoop);
            if (code != 0) throw new InvalidOperationException($"Could not start the cluster's watcher: {output}");
        }

        /// <summary>Runs <c>bash</c> with <paramref name="arguments"/> (a script and its arguments, or <c>-c</c> and a command).</summary>
        private static (int Code, string Output) Run(params string[] arguments)
        {
            var start = new ProcessStartInfo("bash") { RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false };
            foreach (var argument in arguments) start.ArgumentList.Add(argument);
            using var process = Process.Start(start) ?? throw new InvalidOperationException("Could not run bash.");
            var stdout = process.StandardOutput.ReadToEndAsync();
            var stderr = process.StandardError.ReadToEndAsync();
            if (!process.WaitForExit(TimeSpan.FromMinutes(2)))
            {
                process.Kill(entireProcessTree: true);
                throw new TimeoutException($"bash {string.Join(' ', arguments)} did not finish within 2 minutes.");
            }

            return (process.ExitCode, stdout.GetAwaiter().GetResult() + stderr.GetAwaiter().GetResult());
        }

        private static string? FindScript()
        {
            for (var folder = new DirectoryInfo(AppContext.BaseDirectory); folder is not null; folder = folder.Parent)
            {
                var candidate = Path.Combine(folder.FullName, "scripts", "postgres-cluster.sh");
                if (File.Exists(candidate)) return candidate;
            }

            return null;
        }

        private static int FreePort()
        {
            using var listener = new TcpListener(IPAddress.Loopback, 0);
            listener.Start();
            return ((IPEndPoint)listener.LocalEndpoint).Port;
        }

        private static void TryDelete(string directory)
        {
            try
            {
                if (Directory.Exists(directory)) Directory.Delete(directory, recursive: true);
            }
            catch (IOException)
            {
                // A temp folder left behind is not worth failing a run over.
            }
            catch (UnauthorizedAccessException)
            {
            }
        }
    }
}
