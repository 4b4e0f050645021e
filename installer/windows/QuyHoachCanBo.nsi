; Offline per-user installer of Quy hoạch cán bộ, built on Linux by scripts/build-windows.sh with
; Debian's makensis (NSIS 3). No administrator rights: everything goes under the user's profile.
; The uninstaller removes the program and never the ward's data (%APPDATA%\QuyHoachCanBo).
;
; Defines given by the build script: VERSION (from the workspace's Cargo.toml), STAGE (folder with the files), OUTFILE;
; SIGN (the command that signs a file in place) when IT gives a certificate.

Unicode true
Target amd64-unicode
RequestExecutionLevel user
SetCompressor /SOLID lzma
ManifestDPIAware true

!define PRODUCT "Quy hoạch cán bộ"
!define REGKEY "Software\Microsoft\Windows\CurrentVersion\Uninstall\QuyHoachCanBo"
!define WEBVIEW2_CLIENT "{F3017226-FE2A-4295-8BDF-00C3A9A7E4C5}"
!define WEBVIEW2_OFFLINE "MicrosoftEdgeWebView2RuntimeInstallerX64.exe"

Name "${PRODUCT}"
OutFile "${OUTFILE}"
!ifdef SIGN
; The uninstaller this script writes is signed too, before it is packed into the setup.
!uninstfinalize '${SIGN} "%1"'
!endif
InstallDir "$LOCALAPPDATA\Programs\QuyHoachCanBo"
; An update installs over the version already there.
InstallDirRegKey HKCU "${REGKEY}" "InstallLocation"
BrandingText "${PRODUCT} ${VERSION}"
VIProductVersion "${VERSION}.0"
VIAddVersionKey /LANG=1066 "ProductName" "${PRODUCT}"
VIAddVersionKey /LANG=1066 "FileDescription" "Cài đặt ${PRODUCT}"
VIAddVersionKey /LANG=1066 "FileVersion" "${VERSION}"
VIAddVersionKey /LANG=1066 "ProductVersion" "${VERSION}"
VIAddVersionKey /LANG=1066 "CompanyName" "Quy hoạch cán bộ — phần mềm cho Văn phòng Đảng ủy phường, xã"
VIAddVersionKey /LANG=1066 "LegalCopyright" "Giấy phép MIT"

!include "MUI2.nsh"
!include "LogicLib.nsh"

!define MUI_ICON "${STAGE}\icon.ico"
!define MUI_UNICON "${STAGE}\icon.ico"
!define MUI_ABORTWARNING

!define MUI_WELCOMEPAGE_TITLE "Cài đặt ${PRODUCT} ${VERSION}"
!define MUI_WELCOMEPAGE_TEXT "Chương trình quản lý hồ sơ cán bộ và quy hoạch cán bộ cho Văn phòng Đảng ủy phường, xã; chạy trên máy, không cần mạng.$\r$\n$\r$\nCài cho tài khoản Windows đang dùng, không cần quyền quản trị. Nếu máy đã có phiên bản cũ, bản mới được cài đè lên; dữ liệu của đơn vị giữ nguyên.$\r$\n$\r$\nHãy đóng chương trình ${PRODUCT} (nếu đang mở) trước khi tiếp tục."
!insertmacro MUI_PAGE_WELCOME
!insertmacro MUI_PAGE_DIRECTORY
!insertmacro MUI_PAGE_INSTFILES
!define MUI_FINISHPAGE_RUN "$INSTDIR\quyhoach-app.exe"
!define MUI_FINISHPAGE_RUN_TEXT "Mở ${PRODUCT} ngay"
!insertmacro MUI_PAGE_FINISH

!define MUI_UNCONFIRMPAGE_TEXT_TOP "Gỡ chương trình ${PRODUCT} khỏi máy.$\r$\n$\r$\nDữ liệu của đơn vị (thư mục %APPDATA%\QuyHoachCanBo, các bản sao lưu, văn bản đã lưu) KHÔNG bị xóa: cài lại chương trình là mở được như cũ."
!insertmacro MUI_UNPAGE_CONFIRM
!insertmacro MUI_UNPAGE_INSTFILES

!insertmacro MUI_LANGUAGE "Vietnamese"

; The WebView2 runtime's version, or "" when it is not installed.
Function WebView2Version
  ClearErrors
  ReadRegStr $0 HKLM "SOFTWARE\WOW6432Node\Microsoft\EdgeUpdate\Clients\${WEBVIEW2_CLIENT}" "pv"
  ${If} $0 == ""
  ${OrIf} $0 == "0.0.0.0"
    ReadRegStr $0 HKLM "SOFTWARE\Microsoft\EdgeUpdate\Clients\${WEBVIEW2_CLIENT}" "pv"
  ${EndIf}
  ${If} $0 == ""
  ${OrIf} $0 == "0.0.0.0"
    ReadRegStr $0 HKCU "Software\Microsoft\EdgeUpdate\Clients\${WEBVIEW2_CLIENT}" "pv"
  ${EndIf}
  ${If} $0 == "0.0.0.0"
    StrCpy $0 ""
  ${EndIf}
FunctionEnd

Section "Chương trình" SecMain
  SetShellVarContext current
  SetOutPath "$INSTDIR"

  ; An update: the running program holds its exe; ask to close it (a silent install stops).
  ${If} ${FileExists} "$INSTDIR\quyhoach-app.exe"
    retry:
    ClearErrors
    Rename "$INSTDIR\quyhoach-app.exe" "$INSTDIR\quyhoach-app.exe.cu"
    ${If} ${Errors}
      MessageBox MB_RETRYCANCEL|MB_ICONEXCLAMATION "${PRODUCT} đang mở. Hãy đóng chương trình rồi bấm Thử lại." /SD IDCANCEL IDRETRY retry
      Abort "Chưa cài: ${PRODUCT} đang mở."
    ${EndIf}
    Delete "$INSTDIR\quyhoach-app.exe.cu"
  ${EndIf}

  File "${STAGE}\quyhoach-app.exe"
  File "${STAGE}\quyhoach.exe"
  File "${STAGE}\WebView2Loader.dll"
  File "${STAGE}\icon.ico"
  File "${STAGE}\Giấy phép phông chữ (OFL).txt"
  WriteUninstaller "$INSTDIR\uninstall.exe"

  CreateShortcut "$SMPROGRAMS\${PRODUCT}.lnk" "$INSTDIR\quyhoach-app.exe" "" "$INSTDIR\icon.ico"
  CreateShortcut "$DESKTOP\${PRODUCT}.lnk" "$INSTDIR\quyhoach-app.exe" "" "$INSTDIR\icon.ico"

  WriteRegStr HKCU "${REGKEY}" "DisplayName" "${PRODUCT}"
  WriteRegStr HKCU "${REGKEY}" "DisplayVersion" "${VERSION}"
  WriteRegStr HKCU "${REGKEY}" "Publisher" "Quy hoạch cán bộ — phần mềm cho Văn phòng Đảng ủy phường, xã"
  WriteRegStr HKCU "${REGKEY}" "InstallLocation" "$INSTDIR"
  WriteRegStr HKCU "${REGKEY}" "DisplayIcon" "$INSTDIR\icon.ico"
  WriteRegStr HKCU "${REGKEY}" "UninstallString" '"$INSTDIR\uninstall.exe"'
  WriteRegStr HKCU "${REGKEY}" "QuietUninstallString" '"$INSTDIR\uninstall.exe" /S'
  WriteRegDWORD HKCU "${REGKEY}" "NoModify" 1
  WriteRegDWORD HKCU "${REGKEY}" "NoRepair" 1
  WriteRegDWORD HKCU "${REGKEY}" "EstimatedSize" ${SIZE_KB}

  ; WebView2: the window needs it. Microsoft's offline installer beside the setup is run when
  ; the runtime is missing; otherwise the clerk is told what IT must install.
  Call WebView2Version
  ${If} $0 == ""
    ${If} ${FileExists} "$EXEDIR\${WEBVIEW2_OFFLINE}"
      DetailPrint "Đang cài Microsoft Edge WebView2 Runtime…"
      ExecWait '"$EXEDIR\${WEBVIEW2_OFFLINE}" /silent /install' $1
      DetailPrint "WebView2 Runtime: mã kết thúc $1"
    ${Else}
      MessageBox MB_OK|MB_ICONEXCLAMATION "Máy này chưa có Microsoft Edge WebView2 Runtime, thành phần Windows mà ${PRODUCT} cần để hiện cửa sổ.$\r$\n$\r$\nHãy nhờ bộ phận CNTT cài bản ngoại tuyến ${WEBVIEW2_OFFLINE}, hoặc đặt tệp đó cạnh tệp cài đặt này rồi cài lại." /SD IDOK
      DetailPrint "Thiếu Microsoft Edge WebView2 Runtime."
    ${EndIf}
  ${EndIf}
SectionEnd

Section "Uninstall"
  SetShellVarContext current
  Delete "$INSTDIR\quyhoach-app.exe"
  Delete "$INSTDIR\quyhoach.exe"
  Delete "$INSTDIR\WebView2Loader.dll"
  Delete "$INSTDIR\icon.ico"
  Delete "$INSTDIR\Giấy phép phông chữ (OFL).txt"
  Delete "$INSTDIR\uninstall.exe"
  RMDir "$INSTDIR"
  Delete "$SMPROGRAMS\${PRODUCT}.lnk"
  Delete "$DESKTOP\${PRODUCT}.lnk"
  DeleteRegKey HKCU "${REGKEY}"
  ; The ward's data (%APPDATA%\QuyHoachCanBo) is deliberately left in place.
SectionEnd
