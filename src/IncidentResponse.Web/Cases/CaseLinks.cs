using IncidentResponse.Domain.Cases;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.AspNetCore.Mvc.RazorPages.Infrastructure;

namespace IncidentResponse.Web.Cases;

/// <summary>
/// Links to case pages, offered only to someone the page would let in. The operation each page needs is read from that
/// page's own <see cref="CaseOperationRequiredAttribute"/> (the declaration <see cref="CaseMembershipFilter"/> enforces),
/// so what a page shows a member and what the filter lets them open cannot drift apart: there is no second list.
/// </summary>
public sealed class CaseLinks(EndpointDataSource endpoints, PageLoader loader, LinkGenerator links)
{
    private readonly Lock _gate = new();
    private Task<IReadOnlyDictionary<string, CaseOperation?>>? _operations;

    /// <summary>The links <paramref name="member"/> may follow on their case.</summary>
    public async Task<MemberLinks> ForAsync(CaseMembership member)
    {
        ArgumentNullException.ThrowIfNull(member);
        Task<IReadOnlyDictionary<string, CaseOperation?>> operations;
        lock (_gate)
        {
            operations = _operations ??= ReadOperationsAsync();
        }

        return new MemberLinks(member, await operations, links);
    }

    /// <summary>Every case page (by page name, such as <c>/Cases/Plan/Index</c>) and the operation a GET of it needs.</summary>
    private async Task<IReadOnlyDictionary<string, CaseOperation?>> ReadOperationsAsync()
    {
        var found = new Dictionary<string, CaseOperation?>(StringComparer.Ordinal);
        foreach (var endpoint in endpoints.Endpoints)
        {
            if (endpoint.Metadata.GetMetadata<PageActionDescriptor>() is not { } descriptor
                || found.ContainsKey(descriptor.ViewEnginePath)
                || !descriptor.AttributeRouteInfo!.Template!.Contains("{" + CaseMembershipFilter.RouteKey, StringComparison.Ordinal))
            {
                continue;
            }

            var compiled = await loader.LoadAsync(descriptor, endpoint.Metadata);
            var get = compiled.HandlerMethods.FirstOrDefault(h =>
                string.Equals(h.HttpMethod, HttpMethods.Get, StringComparison.OrdinalIgnoreCase) && string.IsNullOrEmpty(h.Name));
            found[descriptor.ViewEnginePath] = CaseOperationRequiredAttribute.For(compiled.HandlerTypeInfo.AsType(), get?.MethodInfo, HttpMethods.Get);
        }

        return found;
    }
}

/// <summary>One member's links: the address of a case page when its declared operation lets them open it, else null.</summary>
public sealed class MemberLinks(CaseMembership member, IReadOnlyDictionary<string, CaseOperation?> operations, LinkGenerator links)
{
    public CaseMembership Member => member;

    /// <summary>Whether <paramref name="page"/> (a page name such as <c>/Cases/Plan/Index</c>) lets this member in.</summary>
    public bool CanOpen(string page) =>
        operations.TryGetValue(page, out var operation)
            ? operation is { } declared && member.Can(declared)
            : throw new InvalidOperationException($"There is no case page {page}.");

    /// <summary>The address of <paramref name="page"/> on this case, or null when it would answer this member 404.</summary>
    public string? To(string page, object? values = null)
    {
        if (!CanOpen(page))
        {
            return null;
        }

        var route = new RouteValueDictionary(values) { [CaseMembershipFilter.RouteKey] = member.CaseId };
        return links.GetPathByPage(page, handler: null, values: route)
            ?? throw new InvalidOperationException($"The page {page} has no address for these values.");
    }
}
