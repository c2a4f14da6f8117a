# Build Byline's Windows installer: packaging\dist\Byline-<version>-setup.exe
#
#   powershell -ExecutionPolicy Bypass -File packaging\windows\build.ps1
#
# Needs Python 3.11+ with Byline installed (pip install -e ".[packaging]"; $env:PYTHON picks the
# interpreter, default "python") and Inno Setup 6 (winget install JRSoftware.InnoSetup).
$ErrorActionPreference = "Stop"
Set-Location (Join-Path $PSScriptRoot "..\..")

$python = if ($env:PYTHON) { $env:PYTHON } else { "python" }

& $python -m PyInstaller --noconfirm --log-level WARN `
    --distpath packaging\build\dist --workpath packaging\build\work packaging\byline.spec
if ($LASTEXITCODE -ne 0) { exit $LASTEXITCODE }

& $python packaging\metadata.py inno-include --out packaging\build\byline-metadata.iss
if ($LASTEXITCODE -ne 0) { exit $LASTEXITCODE }

$iscc = Get-Command iscc.exe -ErrorAction SilentlyContinue
$iscc = if ($iscc) { $iscc.Source } else {
    @("${env:ProgramFiles(x86)}\Inno Setup 6\ISCC.exe",
      "$env:ProgramFiles\Inno Setup 6\ISCC.exe",
      "$env:LOCALAPPDATA\Programs\Inno Setup 6\ISCC.exe") |
        Where-Object { Test-Path $_ } | Select-Object -First 1
}
if (-not $iscc) { Write-Error "Inno Setup 6 is missing: winget install JRSoftware.InnoSetup" }

& $iscc /Q packaging\windows\byline.iss
if ($LASTEXITCODE -ne 0) { exit $LASTEXITCODE }
Get-ChildItem packaging\dist\*-setup.exe | ForEach-Object { $_.FullName }
