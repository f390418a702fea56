@echo off
rem Undoes exactly what install-addin did, as recorded then.
"%~dp0node.exe" "%~dp0app\launch.mjs" uninstall-addin
pause
