@echo off
rem For this user only (HKCU, no administrator): add-in registration, certificate trust, loopback exemption.
"%~dp0node.exe" "%~dp0app\launch.mjs" install-addin
pause
