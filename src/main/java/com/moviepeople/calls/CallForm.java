package com.moviepeople.calls;

/** The crew call form as typed; {@link CallService#validate} turns it into a {@link CallService.Checked} or field errors. */
public class CallForm {

    private String title;
    private String role;
    private Long productionId;
    private String location;
    private boolean remote;
    private String startDate;
    private String endDate;
    private String payRate;
    private String payUnit;
    private String currency;
    private boolean unpaid;
    private String deadline;
    private String description;

    public String getTitle() { return title; }
    public void setTitle(String title) { this.title = title; }
    public String getRole() { return role; }
    public void setRole(String role) { this.role = role; }
    public Long getProductionId() { return productionId; }
    public void setProductionId(Long productionId) { this.productionId = productionId; }
    public String getLocation() { return location; }
    public void setLocation(String location) { this.location = location; }
    public boolean isRemote() { return remote; }
    public void setRemote(boolean remote) { this.remote = remote; }
    public String getStartDate() { return startDate; }
    public void setStartDate(String startDate) { this.startDate = startDate; }
    public String getEndDate() { return endDate; }
    public void setEndDate(String endDate) { this.endDate = endDate; }
    public String getPayRate() { return payRate; }
    public void setPayRate(String payRate) { this.payRate = payRate; }
    public String getPayUnit() { return payUnit; }
    public void setPayUnit(String payUnit) { this.payUnit = payUnit; }
    public String getCurrency() { return currency; }
    public void setCurrency(String currency) { this.currency = currency; }
    public boolean isUnpaid() { return unpaid; }
    public void setUnpaid(boolean unpaid) { this.unpaid = unpaid; }
    public String getDeadline() { return deadline; }
    public void setDeadline(String deadline) { this.deadline = deadline; }
    public String getDescription() { return description; }
    public void setDescription(String description) { this.description = description; }
}
