namespace IncidentResponse.Domain.Data;

/// <summary>One element of the ASP.NET Core Data Protection key ring, stored (encrypted) so every instance shares it.</summary>
public sealed class DataProtectionKeyRecord
{
    public int Id { get; set; }

    public string FriendlyName { get; set; } = "";

    public string Xml { get; set; } = "";
}
