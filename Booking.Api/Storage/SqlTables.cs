// Our own tables (read models, documents, keys) as Weasel schema objects, so Marten creates them with its own schema,
// under its migration lock. Each script is idempotent; a hash kept as the first table's comment tells Weasel whether the
// script in the code is already applied, so a changed script runs again and an unchanged one costs one query.
using System.Data.Common;
using System.Security.Cryptography;
using System.Text;
using System.Text.RegularExpressions;
using Weasel.Core;
using Weasel.Postgresql;

namespace Booking.Api.Storage;

public sealed partial class SqlTables : ISchemaObject
{
    private readonly string _script;
    private readonly string _table;
    private readonly string _hash;

    public SqlTables(string script)
    {
        _script = script;
        _table = FirstTable().Match(script) is { Success: true } m
            ? m.Groups[1].Value
            : throw new ArgumentException("A schema script must create a table ('create table if not exists name').", nameof(script));
        _hash = Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(script)))[..16];
    }

    public DbObjectName Identifier => new PostgresqlObjectName("public", _table, Weasel.Postgresql.SchemaUtils.IdentifierUsage.General);

    public IEnumerable<DbObjectName> AllNames() => [Identifier];

    public void WriteCreateStatement(Migrator migrator, TextWriter writer)
    {
        writer.WriteLine(_script.TrimEnd().EndsWith(';') ? _script : _script.TrimEnd() + ";");
        writer.WriteLine($"comment on table public.{_table} is 'booking:{_hash}';");
    }

    // Marten never drops these: they hold the unit's data.
    public void WriteDropStatement(Migrator migrator, TextWriter writer) { }

    public void ConfigureQueryCommand(Weasel.Core.DbCommandBuilder builder) =>
        builder.Append($"select coalesce(obj_description(to_regclass('public.{_table}'), 'pg_class'), '') = 'booking:{_hash}';");

    public async Task<ISchemaObjectDelta> CreateDeltaAsync(DbDataReader reader, CancellationToken ct)
    {
        var applied = await reader.ReadAsync(ct) && reader.GetBoolean(0);
        return new Delta(this, applied ? SchemaPatchDifference.None : SchemaPatchDifference.Create);
    }

    private sealed class Delta(SqlTables tables, SchemaPatchDifference difference) : ISchemaObjectDelta
    {
        public ISchemaObject SchemaObject => tables;
        public SchemaPatchDifference Difference => difference;
        public void WriteUpdate(Migrator migrator, TextWriter writer) => tables.WriteCreateStatement(migrator, writer);
        public void WriteRollback(Migrator migrator, TextWriter writer) { }
        public void WriteRestorationOfPreviousState(Migrator migrator, TextWriter writer) { }
    }

    [GeneratedRegex(@"create table if not exists (\w+)", RegexOptions.IgnoreCase)]
    private static partial Regex FirstTable();
}
