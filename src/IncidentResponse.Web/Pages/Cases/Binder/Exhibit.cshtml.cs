namespace IncidentResponse.Web.Pages.Cases.Binder;

/// <summary>An exhibit's picture without its metadata, for the print view.</summary>
public sealed class ExhibitModel(ExhibitPictures pictures) : BinderResourceModel(pictures)
{
    protected override string Kind => "exhibit";
}
