namespace PReluKit.Native;

/// <summary>The fields of one ELF64 section header that the patcher reads.</summary>
internal sealed record ElfSection(uint Type, long Offset, long Size, uint Link, uint Info, long EntrySize);
