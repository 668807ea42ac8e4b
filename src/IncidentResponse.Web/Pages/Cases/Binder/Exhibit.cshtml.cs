using IncidentResponse.Web.Binder;

namespace IncidentResponse.Web.Pages.Cases.Binder;

/// <summary>An exhibit's picture without its metadata, for the print view.</summary>
public sealed class ExhibitModel(BinderService binders) : BinderResourceModel(binders)
{
    protected override string Kind => "exhibit";
}
