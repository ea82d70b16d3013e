; Inno Setup script: the Windows installer for ShopDesk (Inno Setup 6 or 7).
;
; Build the frozen app first (pyinstaller build_spec/shopdesk.spec), then:
;   iscc /DAppVersion=0.1.0 /DChineseIsl=<path to ChineseSimplified.isl> build_spec\shopdesk.iss
; .github/workflows/installers.yml does both. Output: dist\ShopDesk-<version>-setup.exe
;
; - Per-user install without admin rights: %LOCALAPPDATA%\Programs\ShopDesk.
; - Upgrade in place: the AppId below never changes, so a newer setup finds
;   the old install, replaces the program files and keeps everything else.
; - The shop's data lives in %APPDATA%\ShopDesk (desk/core/paths.py:
;   platformdirs' roaming user data folder), outside the program folder, so
;   installing, upgrading and uninstalling never touch it, unless the user
;   answers Yes when the uninstaller asks whether to delete it too.
; - Chinese installer language: Inno Setup 7.0.2 and later ship
;   ChineseSimplified.isl; Inno Setup 6 does not, so the workflow downloads the
;   file Inno Setup's own repository keeps (pinned, checksum verified) and
;   passes its path as ChineseIsl.

#ifndef AppVersion
  #error Pass the version: iscc /DAppVersion=x.y.z build_spec\shopdesk.iss
#endif
#ifndef ChineseIsl
  #define ChineseIsl "compiler:Languages\ChineseSimplified.isl"
#endif
#define AppName "ShopDesk"
#define AppExe "shopdesk.exe"
#define DistDir "..\dist\shopdesk"

[Setup]
; Fixed forever: this is how a newer setup recognises an installed ShopDesk.
AppId={{6F0B7C52-3E1A-4D8B-9C27-5A4E1D93B8F6}
AppName={#AppName}
AppVersion={#AppVersion}
AppVerName={#AppName} {#AppVersion}
AppPublisher={#AppName}
VersionInfoVersion={#AppVersion}
VersionInfoProductName={#AppName}
PrivilegesRequired=lowest
DefaultDirName={autopf}\{#AppName}
DefaultGroupName={#AppName}
DisableProgramGroupPage=yes
UsePreviousAppDir=yes
ArchitecturesAllowed=x64compatible
ArchitecturesInstallIn64BitMode=x64compatible
MinVersion=10.0
SetupIconFile=..\build\shopdesk\icons\shopdesk.ico
UninstallDisplayIcon={app}\{#AppExe}
UninstallDisplayName={#AppName}
CloseApplications=yes
RestartApplications=no
Compression=lzma2/max
SolidCompression=yes
WizardStyle=modern
ShowLanguageDialog=auto
OutputDir=..\dist
OutputBaseFilename={#AppName}-{#AppVersion}-setup

[Languages]
Name: "en"; MessagesFile: "compiler:Default.isl"
Name: "zh_CN"; MessagesFile: "{#ChineseIsl}"

[CustomMessages]
en.DeleteDataQuestion=Also delete the shop's data (customers, after-sales cases, photos, quick replies and backups) in%n%n%1%n%nThis cannot be undone. Choose No to keep it: installing ShopDesk again finds it as it was.
zh_CN.DeleteDataQuestion=是否同时删除店铺数据（客户、售后记录、照片、快捷回复和备份）？位置：%n%n%1%n%n删除后无法恢复。选择“否”将保留数据，重新安装 ShopDesk 后可继续使用。

[Tasks]
Name: "desktopicon"; Description: "{cm:CreateDesktopIcon}"; GroupDescription: "{cm:AdditionalIcons}"; Flags: unchecked

[InstallDelete]
; An upgrade replaces the bundled runtime whole, so no file of the old version lingers.
Type: filesandordirs; Name: "{app}\_internal"

[Files]
Source: "{#DistDir}\*"; DestDir: "{app}"; Flags: ignoreversion recursesubdirs createallsubdirs

[Icons]
Name: "{group}\{#AppName}"; Filename: "{app}\{#AppExe}"
Name: "{group}\{cm:UninstallProgram,{#AppName}}"; Filename: "{uninstallexe}"
Name: "{autodesktop}\{#AppName}"; Filename: "{app}\{#AppExe}"; Tasks: desktopicon

[Run]
Filename: "{app}\{#AppExe}"; Description: "{cm:LaunchProgram,{#AppName}}"; Flags: nowait postinstall skipifsilent

[Code]
{ The folder desk/core/paths.py uses when neither --data-dir nor
  SHOPDESK_DATA_DIR says otherwise: platformdirs' roaming user data folder. }
function DataFolder(): String;
begin
  Result := ExpandConstant('{userappdata}\{#AppName}');
end;

procedure CurUninstallStepChanged(CurUninstallStep: TUninstallStep);
var
  Folder: String;
begin
  if CurUninstallStep <> usPostUninstall then
    Exit;
  Folder := DataFolder();
  { A silent uninstall (a script, an upgrade tool) never deletes data. }
  if UninstallSilent or not DirExists(Folder) then
    Exit;
  if MsgBox(FmtMessage(CustomMessage('DeleteDataQuestion'), [Folder]),
            mbConfirmation, MB_YESNO or MB_DEFBUTTON2) = IDYES then
    DelTree(Folder, True, True, True);
end;
