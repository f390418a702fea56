@echo off
"%~dp0node.exe" "%~dp0app\launch.mjs" stop
timeout /t 3 >nul
