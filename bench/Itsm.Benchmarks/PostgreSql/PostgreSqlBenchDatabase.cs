using Npgsql;

namespace Itsm.Benchmarks.PostgreSql;

/// <summary>A fresh database on the bench's PostgreSQL server, dropped afterwards.</summary>
internal sealed class PostgreSqlBenchDatabase : IAsyncDisposable
{
    private readonly string _server;

    private PostgreSqlBenchDatabase(string server, string name)
    {
        _server = server;
        Name = name;
    }

    public string Name { get; }

    public string ConnectionString => new NpgsqlConnectionStringBuilder(_server) { Database = Name }.ConnectionString;

    public static async Task<PostgreSqlBenchDatabase> CreateAsync(string server, string purpose, CancellationToken cancellationToken)
    {
        var database = new PostgreSqlBenchDatabase(server, $"itsm_bench_{purpose}_{Guid.NewGuid():N}"[..40]);
        await database.AdminAsync($"CREATE DATABASE \"{database.Name}\"", cancellationToken).ConfigureAwait(false);
        return database;
    }

    public async Task<long> ScalarAsync(string sql, CancellationToken cancellationToken)
    {
        await using var connection = new NpgsqlConnection(ConnectionString);
        await connection.OpenAsync(cancellationToken).ConfigureAwait(false);
        await using var command = new NpgsqlCommand(sql, connection);
        return Convert.ToInt64(await command.ExecuteScalarAsync(cancellationToken).ConfigureAwait(false), System.Globalization.CultureInfo.InvariantCulture);
    }

    public async Task<List<double>> ColumnAsync(string sql, CancellationToken cancellationToken)
    {
        await using var connection = new NpgsqlConnection(ConnectionString);
        await connection.OpenAsync(cancellationToken).ConfigureAwait(false);
        await using var command = new NpgsqlCommand(sql, connection);
        await using var reader = await command.ExecuteReaderAsync(cancellationToken).ConfigureAwait(false);
        var values = new List<double>();
        while (await reader.ReadAsync(cancellationToken).ConfigureAwait(false)) values.Add(Convert.ToDouble(reader.GetValue(0), System.Globalization.CultureInfo.InvariantCulture));
        return values;
    }

    private async Task AdminAsync(string sql, CancellationToken cancellationToken)
    {
        await using var connection = new NpgsqlConnection(new NpgsqlConnectionStringBuilder(_server) { Database = "postgres", Pooling = false }.ConnectionString);
        await connection.OpenAsync(cancellationToken).ConfigureAwait(false);
        await using var command = new NpgsqlCommand(sql, connection);
        await command.ExecuteNonQueryAsync(cancellationToken).ConfigureAwait(false);
    }

    public async ValueTask DisposeAsync()
    {
        NpgsqlConnection.ClearAllPools();
        await AdminAsync($"DROP DATABASE IF EXISTS \"{Name}\" WITH (FORCE)", CancellationToken.None).ConfigureAwait(false);
    }
}
