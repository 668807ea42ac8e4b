using System.Runtime.CompilerServices;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata;

namespace IncidentResponse.Domain.Data;

/// <summary>
/// An EF Core compiled query (<c>EF.CompileAsyncQuery</c>) kept once per model. A compiled query binds to the first
/// model it runs with and refuses any other; the app has one model per database provider, and one process (the tests,
/// a tool) may use both, so each model gets its own compiled copy. <paramref name="compile"/> makes a fresh one.
/// </summary>
public sealed class PerModel<TQuery>(Func<TQuery> compile)
    where TQuery : class
{
    private readonly ConditionalWeakTable<IModel, TQuery> _byModel = new();

    /// <summary>The compiled query for <paramref name="db"/>'s model.</summary>
    public TQuery For(DbContext db)
    {
        ArgumentNullException.ThrowIfNull(db);
        return _byModel.GetValue(db.Model, _ => compile());
    }
}
