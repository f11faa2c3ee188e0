/**
 */
package io.mechanist.model;

import java.util.Date;

import org.eclipse.emf.common.util.EList;

/**
 * <!-- begin-user-doc -->
 * A representation of the model object '<em><b>Capture</b></em>'.
 * <!-- end-user-doc -->
 *
 * <!-- begin-model-doc -->
 * Activations of one model on one dataset at a set of hook sites and positions. The numbers are in the shards listed here, in the capture's folder; only shards listed here are committed. A capture stays INCOMPLETE until its last shard is committed.
 * <!-- end-model-doc -->
 *
 * <p>
 * The following features are supported:
 * </p>
 * <ul>
 *   <li>{@link io.mechanist.model.Capture#getModel <em>Model</em>}</li>
 *   <li>{@link io.mechanist.model.Capture#getDataset <em>Dataset</em>}</li>
 *   <li>{@link io.mechanist.model.Capture#getSites <em>Sites</em>}</li>
 *   <li>{@link io.mechanist.model.Capture#getPositions <em>Positions</em>}</li>
 *   <li>{@link io.mechanist.model.Capture#getStorageType <em>Storage Type</em>}</li>
 *   <li>{@link io.mechanist.model.Capture#getStatus <em>Status</em>}</li>
 *   <li>{@link io.mechanist.model.Capture#getCompletedAt <em>Completed At</em>}</li>
 *   <li>{@link io.mechanist.model.Capture#getFolder <em>Folder</em>}</li>
 *   <li>{@link io.mechanist.model.Capture#getPlannedPrompts <em>Planned Prompts</em>}</li>
 *   <li>{@link io.mechanist.model.Capture#getShards <em>Shards</em>}</li>
 *   <li>{@link io.mechanist.model.Capture#getProvenance <em>Provenance</em>}</li>
 * </ul>
 *
 * @see io.mechanist.model.MechanistPackage#getCapture()
 * @model
 * @generated
 */
public interface Capture extends Identified {
	/**
	 * Returns the value of the '<em><b>Model</b></em>' reference.
	 * <!-- begin-user-doc -->
	 * <!-- end-user-doc -->
	 * @return the value of the '<em>Model</em>' reference.
	 * @see #setModel(ModelRef)
	 * @see io.mechanist.model.MechanistPackage#getCapture_Model()
	 * @model
	 * @generated
	 */
	ModelRef getModel();

	/**
	 * Sets the value of the '{@link io.mechanist.model.Capture#getModel <em>Model</em>}' reference.
	 * <!-- begin-user-doc -->
	 * <!-- end-user-doc -->
	 * @param value the new value of the '<em>Model</em>' reference.
	 * @see #getModel()
	 * @generated
	 */
	void setModel(ModelRef value);

	/**
	 * Returns the value of the '<em><b>Dataset</b></em>' reference.
	 * <!-- begin-user-doc -->
	 * <!-- end-user-doc -->
	 * @return the value of the '<em>Dataset</em>' reference.
	 * @see #setDataset(Dataset)
	 * @see io.mechanist.model.MechanistPackage#getCapture_Dataset()
	 * @model
	 * @generated
	 */
	Dataset getDataset();

	/**
	 * Sets the value of the '{@link io.mechanist.model.Capture#getDataset <em>Dataset</em>}' reference.
	 * <!-- begin-user-doc -->
	 * <!-- end-user-doc -->
	 * @param value the new value of the '<em>Dataset</em>' reference.
	 * @see #getDataset()
	 * @generated
	 */
	void setDataset(Dataset value);

	/**
	 * Returns the value of the '<em><b>Sites</b></em>' containment reference list.
	 * The list contents are of type {@link io.mechanist.model.HookSiteRef}.
	 * <!-- begin-user-doc -->
	 * <!-- end-user-doc -->
	 * @return the value of the '<em>Sites</em>' containment reference list.
	 * @see io.mechanist.model.MechanistPackage#getCapture_Sites()
	 * @model containment="true"
	 * @generated
	 */
	EList<HookSiteRef> getSites();

	/**
	 * Returns the value of the '<em><b>Positions</b></em>' containment reference.
	 * <!-- begin-user-doc -->
	 * <!-- end-user-doc -->
	 * @return the value of the '<em>Positions</em>' containment reference.
	 * @see #setPositions(PositionSelection)
	 * @see io.mechanist.model.MechanistPackage#getCapture_Positions()
	 * @model containment="true"
	 * @generated
	 */
	PositionSelection getPositions();

	/**
	 * Sets the value of the '{@link io.mechanist.model.Capture#getPositions <em>Positions</em>}' containment reference.
	 * <!-- begin-user-doc -->
	 * <!-- end-user-doc -->
	 * @param value the new value of the '<em>Positions</em>' containment reference.
	 * @see #getPositions()
	 * @generated
	 */
	void setPositions(PositionSelection value);

	/**
	 * Returns the value of the '<em><b>Storage Type</b></em>' attribute.
	 * The literals are from the enumeration {@link io.mechanist.model.StorageType}.
	 * <!-- begin-user-doc -->
	 * <!-- end-user-doc -->
	 * @return the value of the '<em>Storage Type</em>' attribute.
	 * @see io.mechanist.model.StorageType
	 * @see #setStorageType(StorageType)
	 * @see io.mechanist.model.MechanistPackage#getCapture_StorageType()
	 * @model
	 * @generated
	 */
	StorageType getStorageType();

	/**
	 * Sets the value of the '{@link io.mechanist.model.Capture#getStorageType <em>Storage Type</em>}' attribute.
	 * <!-- begin-user-doc -->
	 * <!-- end-user-doc -->
	 * @param value the new value of the '<em>Storage Type</em>' attribute.
	 * @see io.mechanist.model.StorageType
	 * @see #getStorageType()
	 * @generated
	 */
	void setStorageType(StorageType value);

	/**
	 * Returns the value of the '<em><b>Status</b></em>' attribute.
	 * The literals are from the enumeration {@link io.mechanist.model.CaptureStatus}.
	 * <!-- begin-user-doc -->
	 * <!-- end-user-doc -->
	 * @return the value of the '<em>Status</em>' attribute.
	 * @see io.mechanist.model.CaptureStatus
	 * @see #setStatus(CaptureStatus)
	 * @see io.mechanist.model.MechanistPackage#getCapture_Status()
	 * @model
	 * @generated
	 */
	CaptureStatus getStatus();

	/**
	 * Sets the value of the '{@link io.mechanist.model.Capture#getStatus <em>Status</em>}' attribute.
	 * <!-- begin-user-doc -->
	 * <!-- end-user-doc -->
	 * @param value the new value of the '<em>Status</em>' attribute.
	 * @see io.mechanist.model.CaptureStatus
	 * @see #getStatus()
	 * @generated
	 */
	void setStatus(CaptureStatus value);

	/**
	 * Returns the value of the '<em><b>Completed At</b></em>' attribute.
	 * <!-- begin-user-doc -->
	 * <!-- end-user-doc -->
	 * @return the value of the '<em>Completed At</em>' attribute.
	 * @see #setCompletedAt(Date)
	 * @see io.mechanist.model.MechanistPackage#getCapture_CompletedAt()
	 * @model
	 * @generated
	 */
	Date getCompletedAt();

	/**
	 * Sets the value of the '{@link io.mechanist.model.Capture#getCompletedAt <em>Completed At</em>}' attribute.
	 * <!-- begin-user-doc -->
	 * <!-- end-user-doc -->
	 * @param value the new value of the '<em>Completed At</em>' attribute.
	 * @see #getCompletedAt()
	 * @generated
	 */
	void setCompletedAt(Date value);

	/**
	 * Returns the value of the '<em><b>Folder</b></em>' attribute.
	 * <!-- begin-user-doc -->
	 * <!-- end-user-doc -->
	 * @return the value of the '<em>Folder</em>' attribute.
	 * @see #setFolder(String)
	 * @see io.mechanist.model.MechanistPackage#getCapture_Folder()
	 * @model
	 * @generated
	 */
	String getFolder();

	/**
	 * Sets the value of the '{@link io.mechanist.model.Capture#getFolder <em>Folder</em>}' attribute.
	 * <!-- begin-user-doc -->
	 * <!-- end-user-doc -->
	 * @param value the new value of the '<em>Folder</em>' attribute.
	 * @see #getFolder()
	 * @generated
	 */
	void setFolder(String value);

	/**
	 * Returns the value of the '<em><b>Planned Prompts</b></em>' attribute.
	 * <!-- begin-user-doc -->
	 * <!-- end-user-doc -->
	 * @return the value of the '<em>Planned Prompts</em>' attribute.
	 * @see #setPlannedPrompts(int)
	 * @see io.mechanist.model.MechanistPackage#getCapture_PlannedPrompts()
	 * @model
	 * @generated
	 */
	int getPlannedPrompts();

	/**
	 * Sets the value of the '{@link io.mechanist.model.Capture#getPlannedPrompts <em>Planned Prompts</em>}' attribute.
	 * <!-- begin-user-doc -->
	 * <!-- end-user-doc -->
	 * @param value the new value of the '<em>Planned Prompts</em>' attribute.
	 * @see #getPlannedPrompts()
	 * @generated
	 */
	void setPlannedPrompts(int value);

	/**
	 * Returns the value of the '<em><b>Shards</b></em>' containment reference list.
	 * The list contents are of type {@link io.mechanist.model.Shard}.
	 * <!-- begin-user-doc -->
	 * <!-- end-user-doc -->
	 * @return the value of the '<em>Shards</em>' containment reference list.
	 * @see io.mechanist.model.MechanistPackage#getCapture_Shards()
	 * @model containment="true"
	 * @generated
	 */
	EList<Shard> getShards();

	/**
	 * Returns the value of the '<em><b>Provenance</b></em>' containment reference.
	 * <!-- begin-user-doc -->
	 * <!-- end-user-doc -->
	 * @return the value of the '<em>Provenance</em>' containment reference.
	 * @see #setProvenance(Provenance)
	 * @see io.mechanist.model.MechanistPackage#getCapture_Provenance()
	 * @model containment="true"
	 * @generated
	 */
	Provenance getProvenance();

	/**
	 * Sets the value of the '{@link io.mechanist.model.Capture#getProvenance <em>Provenance</em>}' containment reference.
	 * <!-- begin-user-doc -->
	 * <!-- end-user-doc -->
	 * @param value the new value of the '<em>Provenance</em>' containment reference.
	 * @see #getProvenance()
	 * @generated
	 */
	void setProvenance(Provenance value);

} // Capture
